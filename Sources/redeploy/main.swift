import RedeployCommands

Redeploy.runWithContractExitCodes()
