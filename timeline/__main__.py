from timeline.cli.main import run

run()
