using 'main.bicep'

param environmentName = 'dev'
param salesforceLoginUrl = 'https://test.salesforce.com'
param salesforceClientId = readEnvironmentVariable('SALESFORCE_CLIENT_ID', '')
param salesforceUsername = readEnvironmentVariable('SALESFORCE_USERNAME', '')
param stripeExpectedMode = 'test'
param maximumInstanceCount = 10
// A dev vault can be deleted and recreated under the same name without waiting 90 days.
param enablePurgeProtection = false
param alertEmail = readEnvironmentVariable('STRIPESF_ALERT_EMAIL', '')
param operatorPrincipalId = readEnvironmentVariable('STRIPESF_OPERATOR_PRINCIPAL_ID', '')
