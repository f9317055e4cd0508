import HindCLI
