import RedeployCommands

Redeploy.main()
