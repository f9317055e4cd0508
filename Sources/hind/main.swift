import HindCLI

await HindMain.main()
