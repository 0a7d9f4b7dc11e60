@description('Azure region of the workspace and Application Insights.')
param location string

@description('Tags applied to the resources.')
param tags object

@description('Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Days the workspace keeps logs.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    // Telemetry is accepted only with an Entra token (the app's managed identity), never with the
    // instrumentation key alone.
    DisableLocalAuth: true
  }
}

@description('Resource id of the Log Analytics workspace.')
output logAnalyticsId string = logAnalytics.id

@description('Resource id of Application Insights.')
output applicationInsightsId string = applicationInsights.id

@description('Name of Application Insights.')
output applicationInsightsName string = applicationInsights.name

@description('Connection string of Application Insights (not a secret: ingestion needs an Entra token).')
output applicationInsightsConnectionString string = applicationInsights.properties.ConnectionString
