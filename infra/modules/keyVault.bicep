@description('Azure region of the vault.')
param location string

@description('Tags applied to the vault.')
param tags object

@description('Name of the Key Vault (3-24 characters).')
param name string

@description('Purge protection: on for production (a deleted vault cannot be purged for 90 days).')
param enablePurgeProtection bool = true

@description('Stripe webhook signing secrets, comma-separated (whsec_…). Empty: the secret is not created here; set it with `az keyvault secret set`.')
@secure()
param stripeWebhookSecrets string = ''

@description('Stripe restricted API key (rk_…). Empty: not created here.')
@secure()
param stripeApiKey string = ''

@description('Salesforce JWT private key (PEM). Empty: not created here.')
@secure()
param salesforcePrivateKey string = ''

@description('Salesforce External Client App consumer secret (only for flows that need it). Empty: not created here.')
@secure()
param salesforceClientSecret string = ''

@description('Slack incoming webhook URL for notifications. Empty: not created here.')
@secure()
param slackWebhookUrl string = ''

@description('Teams Workflows webhook URL for notifications. Empty: not created here.')
@secure()
param teamsWebhookUrl string = ''

@description('SMTP password for email notifications. Empty: not created here.')
@secure()
param smtpPassword string = ''

// Secret names the app settings reference; values are never committed to source.
var secretNames = {
  stripeWebhookSecrets: 'stripe-webhook-secrets'
  stripeApiKey: 'stripe-api-key'
  salesforcePrivateKey: 'salesforce-private-key'
  salesforceClientSecret: 'salesforce-client-secret'
  slackWebhookUrl: 'notifications-slack-webhook-url'
  teamsWebhookUrl: 'notifications-teams-webhook-url'
  smtpPassword: 'notifications-smtp-password'
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access through Azure RBAC (Key Vault Secrets User for the app), no access policies.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource webhookSecretsSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(stripeWebhookSecrets)) {
  parent: vault
  name: secretNames.stripeWebhookSecrets
  properties: {
    value: stripeWebhookSecrets
  }
}

resource stripeApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(stripeApiKey)) {
  parent: vault
  name: secretNames.stripeApiKey
  properties: {
    value: stripeApiKey
  }
}

resource salesforcePrivateKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(salesforcePrivateKey)) {
  parent: vault
  name: secretNames.salesforcePrivateKey
  properties: {
    value: salesforcePrivateKey
  }
}

resource salesforceClientSecretSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(salesforceClientSecret)) {
  parent: vault
  name: secretNames.salesforceClientSecret
  properties: {
    value: salesforceClientSecret
  }
}

resource slackWebhookUrlSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(slackWebhookUrl)) {
  parent: vault
  name: secretNames.slackWebhookUrl
  properties: {
    value: slackWebhookUrl
  }
}

resource teamsWebhookUrlSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(teamsWebhookUrl)) {
  parent: vault
  name: secretNames.teamsWebhookUrl
  properties: {
    value: teamsWebhookUrl
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: secretNames.smtpPassword
  properties: {
    value: smtpPassword
  }
}

@description('Resource id of the vault.')
output id string = vault.id

@description('Name of the vault.')
output name string = vault.name

@description('Versionless secret URIs the app settings reference (the app picks up a new version within a day, or at restart).')
output secretUris object = {
  stripeWebhookSecrets: '${vault.properties.vaultUri}secrets/${secretNames.stripeWebhookSecrets}'
  stripeApiKey: '${vault.properties.vaultUri}secrets/${secretNames.stripeApiKey}'
  salesforcePrivateKey: '${vault.properties.vaultUri}secrets/${secretNames.salesforcePrivateKey}'
  salesforceClientSecret: '${vault.properties.vaultUri}secrets/${secretNames.salesforceClientSecret}'
  slackWebhookUrl: '${vault.properties.vaultUri}secrets/${secretNames.slackWebhookUrl}'
  teamsWebhookUrl: '${vault.properties.vaultUri}secrets/${secretNames.teamsWebhookUrl}'
  smtpPassword: '${vault.properties.vaultUri}secrets/${secretNames.smtpPassword}'
}
