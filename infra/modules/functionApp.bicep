@description('Azure region of the plan and the app (must offer Flex Consumption).')
param location string

@description('Tags applied to the plan and the app.')
param tags object

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the Function App.')
param name string

@description('azd service name this app hosts (the `services` key in azure.yaml).')
param azdServiceName string = 'functions'

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Blob endpoint of the storage account behind AzureWebJobsStorage.')
param storageBlobEndpoint string

@description('Queue endpoint of that storage account.')
param storageQueueEndpoint string

@description('Table endpoint of that storage account.')
param storageTableEndpoint string

@description('Blob container Flex Consumption deploys the package from.')
param deploymentContainerName string

@description('Blob container of the webhook payload claim-check.')
param payloadContainerName string

@description('Fully qualified Service Bus namespace (<name>.servicebus.windows.net).')
param serviceBusFullyQualifiedNamespace string

@description('Application Insights connection string.')
param applicationInsightsConnectionString string

@description('Versionless Key Vault secret URIs: stripeWebhookSecrets, stripeApiKey, salesforcePrivateKey, salesforceClientSecret, slackWebhookUrl, teamsWebhookUrl, smtpPassword.')
param secretUris object

@description('Notification settings without secrets: slack and teams (bools: reference the webhook URL secrets), smtpHost, smtpPort, smtpUseTls, emailFrom, emailTo, smtpUsername (the password is the Key Vault secret), chatterEnabled, salesforceUrl.')
param notifications object = {}

@description('Dunning settings (README, Configuration): openCase (bool: a collections Case per failed invoice), caseQueue (the queue\'s DeveloperName or Id), casePriority.')
param dunning object = {}

@description('Salesforce login URL: https://login.salesforce.com, https://test.salesforce.com or the My Domain URL.')
param salesforceLoginUrl string

@description('Consumer key of the Salesforce External Client App (JWT bearer flow).')
param salesforceClientId string

@description('Username of the Salesforce integration user the JWT is issued for.')
param salesforceUsername string

@description('Salesforce REST API version, e.g. 65.0.')
param salesforceApiVersion string

@description('Stripe mode the webhook accepts: live or test (events of the other mode are rejected).')
@allowed([
  'live'
  'test'
])
param stripeExpectedMode string

@description('Largest number of instances Flex Consumption may scale to; bounds the parallel load on Salesforce.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': azdServiceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with the user-assigned identity (the default would be a
    // system-assigned one, which this app does not have).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Flex Consumption sets FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION itself (from
// functionAppConfig) and rejects them as app settings.
// Notifications__* (README, Notifications): a channel's secret is referenced only when the channel
// is on; otherwise the setting is empty (not configured), because a reference to a secret that
// does not exist would read as a URL.
var slackOn = notifications.?slack ?? false
var teamsOn = notifications.?teams ?? false
var smtpLogin = !empty(notifications.?smtpUsername ?? '')

resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
    AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
    AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    AZURE_CLIENT_ID: identityClientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    ServiceBus__fullyQualifiedNamespace: serviceBusFullyQualifiedNamespace
    ServiceBus__credential: 'managedidentity'
    ServiceBus__clientId: identityClientId
    ClaimCheck__BlobServiceUri: storageBlobEndpoint
    ClaimCheck__ContainerName: payloadContainerName
    Stripe__WebhookSecrets: '@Microsoft.KeyVault(SecretUri=${secretUris.stripeWebhookSecrets})'
    Stripe__ApiKey: '@Microsoft.KeyVault(SecretUri=${secretUris.stripeApiKey})'
    Stripe__ExpectedMode: stripeExpectedMode
    // The nightly reconciliation's timer (NCRONTAB, UTC): 03:00, after Stripe's day has settled.
    Reconciliation__Schedule: '0 0 3 * * *'
    // Days a Closed Won deal may wait for its first payment before the nightly run flags it.
    Reconciliation__ClosedWonGraceDays: '14'
    // The daily renewal sweep (NCRONTAB, UTC): 06:00, an open renewal Opportunity per term ending within Renewals__Days.
    Renewals__Schedule: '0 0 6 * * *'
    Renewals__Days: '90'
    Renewals__Intervals: 'year'
    Renewals__OpenStage: ''
    Renewals__WonStage: ''
    Renewals__LostStage: ''
    // The Lead → Stripe customer sync's timer (NCRONTAB): every 2 minutes. Its watermark is a table in
    // this app's own storage (AzureWebJobsStorage__tableServiceUri, Storage Table Data Contributor).
    LeadSync__Schedule: '0 */2 * * * *'
    LeadSync__WatermarkTable: 'StripeSfLeadSync'
    LeadSync__MaxLeadsPerRun: '500'
    Salesforce__LoginUrl: salesforceLoginUrl
    Salesforce__ClientId: salesforceClientId
    Salesforce__Username: salesforceUsername
    Salesforce__ApiVersion: salesforceApiVersion
    Salesforce__PrivateKey: '@Microsoft.KeyVault(SecretUri=${secretUris.salesforcePrivateKey})'
    Salesforce__ClientSecret: '@Microsoft.KeyVault(SecretUri=${secretUris.salesforceClientSecret})'
    Notifications__Slack__WebhookUrl: slackOn ? '@Microsoft.KeyVault(SecretUri=${secretUris.slackWebhookUrl})' : ''
    Notifications__Teams__WebhookUrl: teamsOn ? '@Microsoft.KeyVault(SecretUri=${secretUris.teamsWebhookUrl})' : ''
    Notifications__Email__SmtpHost: notifications.?smtpHost ?? ''
    Notifications__Email__SmtpPort: string(notifications.?smtpPort ?? 587)
    Notifications__Email__UseTls: string(notifications.?smtpUseTls ?? true)
    Notifications__Email__From: notifications.?emailFrom ?? ''
    Notifications__Email__To: notifications.?emailTo ?? ''
    Notifications__Email__Username: notifications.?smtpUsername ?? ''
    Notifications__Email__Password: smtpLogin ? '@Microsoft.KeyVault(SecretUri=${secretUris.smtpPassword})' : ''
    Notifications__Chatter__Enabled: string(notifications.?chatterEnabled ?? false)
    Notifications__SalesforceUrl: notifications.?salesforceUrl ?? ''
    Dunning__OpenCase: string(dunning.?openCase ?? false)
    Dunning__CaseQueue: dunning.?caseQueue ?? ''
    Dunning__CasePriority: dunning.?casePriority ?? 'High'
  }
}

@description('Resource id of the Function App.')
output id string = app.id

@description('Name of the Function App.')
output name string = app.name

@description('Default host name of the Function App.')
output defaultHostName string = app.properties.defaultHostName
