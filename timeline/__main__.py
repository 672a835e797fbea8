from timeline.cli.main import run

# Guarded: worker processes started by "spawn" (a Dask LocalCluster's) import this module too.
if __name__ == "__main__":
    run()
