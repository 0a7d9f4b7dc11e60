// Stripe ⇄ Salesforce integration: everything one environment needs, in one resource group.
// Deploy: `azd up`, or `az deployment group create -g <rg> --template-file infra/main.bicep
// --parameters infra/main.<env>.bicepparam` (see README.md, Operator guide).
targetScope = 'resourceGroup'

@description('Short environment name (dev, prod, …); part of every resource name and tag.')
@minLength(1)
@maxLength(16)
param environmentName string

@description('Azure region of all resources; must offer Flex Consumption.')
param location string = resourceGroup().location

@description('Salesforce login URL: https://login.salesforce.com (production), https://test.salesforce.com (sandbox) or the org\'s My Domain URL.')
param salesforceLoginUrl string = 'https://login.salesforce.com'

@description('Consumer key of the Salesforce External Client App (JWT bearer flow).')
param salesforceClientId string = ''

@description('Username of the Salesforce integration user.')
param salesforceUsername string = ''

@description('Salesforce REST API version.')
param salesforceApiVersion string = '68.0'

@description('Stripe mode the webhook accepts: live or test.')
@allowed([
  'live'
  'test'
])
param stripeExpectedMode string = 'test'

@description('Largest number of Function App instances; bounds the parallel load on Salesforce.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 10

@description('Purge protection on the Key Vault (recommended for production; it cannot be turned off again).')
param enablePurgeProtection bool = true

@description('E-mail address the alerts notify; empty: alerts show in the portal only.')
param alertEmail string = ''

@description('Object id of an operator (user or group) granted Service Bus Data Owner and Key Vault Secrets Officer for replays and secrets; empty for none. azd passes the signed-in user.')
param operatorPrincipalId string = ''

@description('Type of operatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

@description('Optional initial value of the Stripe webhook secrets (comma-separated whsec_…). Leave empty and set the secret in Key Vault instead.')
@secure()
param stripeWebhookSecrets string = ''

@description('Optional initial value of the Stripe restricted API key. Leave empty and set it in Key Vault instead.')
@secure()
param stripeApiKey string = ''

@description('Optional initial value of the Salesforce JWT private key (PEM). Leave empty and set it in Key Vault instead.')
@secure()
param salesforcePrivateKey string = ''

@description('Optional initial value of the Salesforce client secret. Leave empty and set it in Key Vault instead.')
@secure()
param salesforceClientSecret string = ''

@description('Optional initial value of the Slack incoming webhook URL for notifications (Key Vault secret notifications-slack-webhook-url).')
@secure()
param slackWebhookUrl string = ''

@description('Optional initial value of the Teams Workflows webhook URL for notifications (Key Vault secret notifications-teams-webhook-url).')
@secure()
param teamsWebhookUrl string = ''

@description('Optional initial value of the SMTP password for email notifications (Key Vault secret notifications-smtp-password).')
@secure()
param smtpPassword string = ''

@description('Notification settings without secrets (README, Notifications): slack and teams (true: reference the webhook URL secret in Key Vault), smtpHost, smtpPort, smtpUseTls, emailFrom, emailTo, smtpUsername, chatterEnabled, salesforceUrl.')
param notifications object = {}

@description('Dunning settings (README, Configuration): openCase (bool: a collections Case per failed invoice), caseQueue (the queue\'s DeveloperName or Id), casePriority.')
param dunning object = {}

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = {
  'azd-env-name': environmentName
  application: 'stripesf'
}
var namePrefix = 'stripesf-${environmentName}'
var functionAppName = 'func-${namePrefix}-${resourceToken}'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    location: location
    tags: tags
    name: 'id-${namePrefix}-${resourceToken}'
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    logAnalyticsName: 'log-${namePrefix}-${resourceToken}'
    applicationInsightsName: 'appi-${namePrefix}-${resourceToken}'
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    tags: tags
    name: 'st${resourceToken}'
    deploymentContainerName: 'app-package-${take(resourceToken, 7)}'
    payloadContainerName: 'stripe-payloads'
  }
}

module serviceBus 'modules/serviceBus.bicep' = {
  name: 'serviceBus'
  params: {
    location: location
    tags: tags
    name: 'sb-${namePrefix}-${resourceToken}'
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  params: {
    location: location
    tags: tags
    name: 'kv-${resourceToken}'
    enablePurgeProtection: enablePurgeProtection
    stripeWebhookSecrets: stripeWebhookSecrets
    stripeApiKey: stripeApiKey
    salesforcePrivateKey: salesforcePrivateKey
    salesforceClientSecret: salesforceClientSecret
    slackWebhookUrl: slackWebhookUrl
    teamsWebhookUrl: teamsWebhookUrl
    smtpPassword: smtpPassword
  }
}

module roleAssignments 'modules/roleAssignments.bicep' = {
  name: 'roleAssignments'
  params: {
    appPrincipalId: identity.outputs.principalId
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
    storageAccountName: storage.outputs.name
    serviceBusName: serviceBus.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module functionApp 'modules/functionApp.bicep' = {
  name: 'functionApp'
  params: {
    location: location
    tags: tags
    planName: 'plan-${namePrefix}-${resourceToken}'
    name: functionAppName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    payloadContainerName: storage.outputs.payloadContainerName
    serviceBusFullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    secretUris: keyVault.outputs.secretUris
    notifications: union(notifications, {
      slack: notifications.?slack ?? !empty(slackWebhookUrl)
      teams: notifications.?teams ?? !empty(teamsWebhookUrl)
    })
    dunning: dunning
    salesforceLoginUrl: salesforceLoginUrl
    salesforceClientId: salesforceClientId
    salesforceUsername: salesforceUsername
    salesforceApiVersion: salesforceApiVersion
    stripeExpectedMode: stripeExpectedMode
    maximumInstanceCount: maximumInstanceCount
  }
  // The app starts reading storage, queues and secrets as soon as it exists.
  dependsOn: [
    roleAssignments
  ]
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    location: location
    tags: tags
    namePrefix: namePrefix
    serviceBusId: serviceBus.outputs.id
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    alertEmail: alertEmail
  }
}

module workbook 'modules/workbook.bicep' = {
  name: 'workbook'
  params: {
    location: location
    tags: tags
    displayName: 'Stripe → Salesforce (${environmentName})'
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    serviceBusId: serviceBus.outputs.id
  }
}

@description('Name of the Function App (AzureFunctionApp@2 appName).')
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Webhook base URL; append the function key as ?code=… when registering it in Stripe.')
output STRIPE_WEBHOOK_URL string = 'https://${functionApp.outputs.defaultHostName}/api/stripe/webhook'

@description('Fully qualified Service Bus namespace (for the stripesf CLI).')
output SERVICE_BUS_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace

@description('Name of the Key Vault holding the Stripe and Salesforce secrets.')
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name

@description('The queues created, one per routed Stripe event type.')
output SERVICE_BUS_QUEUES array = serviceBus.outputs.queueNames
