using 'main.bicep'

param environmentName = 'prod'
param salesforceLoginUrl = 'https://login.salesforce.com'
param salesforceClientId = readEnvironmentVariable('SALESFORCE_CLIENT_ID', '')
param salesforceUsername = readEnvironmentVariable('SALESFORCE_USERNAME', '')
param stripeExpectedMode = 'live'
param maximumInstanceCount = 40
param enablePurgeProtection = true
param alertEmail = readEnvironmentVariable('STRIPESF_ALERT_EMAIL', '')
param operatorPrincipalId = readEnvironmentVariable('STRIPESF_OPERATOR_PRINCIPAL_ID', '')
param operatorPrincipalType = 'Group'
