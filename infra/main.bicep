// HostingCalls: everything `azd up` creates, in one resource group.
// Native resource declarations only (public registry modules cannot be fetched on our machines).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment (AZURE_ENV_NAME). It names the resource group and seeds the unique suffix of every resource name.')
param environmentName string

@minLength(1)
@description('Azure region for every resource (AZURE_LOCATION). It must offer the Flex Consumption plan: az functionapp list-flexconsumption-locations.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying user (AZURE_PRINCIPAL_ID, set by azd). It gets the storage data roles, Monitoring Metrics Publisher and Key Vault Secrets Officer, so local runs against Azure work and the operator can set the secrets. Empty: no role for a user.')
param principalId string = ''

@description('Kind of principal principalId is: User when a person runs azd, ServicePrincipal when a pipeline does.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@minLength(36)
@maxLength(36)
@description('Application (client) id of the Microsoft Entra app registration that signs in the secretariat (AZURE_AUTH_CLIENT_ID). Create it, with the app roles Secretariat and Reviewer, before azd up: see the README.')
param authClientId string

@description('Browser origins allowed to call the API (CORS), e.g. the secretariat front end. Empty: none.')
param corsAllowedOrigins string[] = []

@description('Verification key (public key) of the SendGrid Signed Event Webhook (SENDGRID_EVENT_WEBHOOK_KEY; app setting SendGrid__EventWebhookVerificationKey). Not a secret. Empty until the webhook is configured: the app then accepts no event.')
param sendGridEventWebhookKey string = ''

@description('Portal page that invitation emails link to (PORTAL_URL; app setting Invitations__PortalUrl); the focal point\'s token follows as #invitation=. Empty: the app\'s own portal, https://<app>/api/portal/.')
param invitationPortalUrl string = ''

@description('Largest attachment accepted, in bytes (app setting Attachments__MaxBytes).')
@minValue(1)
param attachmentMaxBytes int = 10485760

@description('NCRONTAB schedule of the timer that re-enqueues notifications recorded but not yet queued (app setting NotificationOutboxSchedule).')
param notificationOutboxSchedule string = '0 */5 * * * *'

@description('NCRONTAB schedule of the timer that closes calls at their deadline and ranks them (app setting CallClosingSchedule).')
param callClosingSchedule string = '0 * * * * *'

@description('NCRONTAB schedule of the timer that releases results and follows up hosts\' confirmations (app setting ResultsReleaseSchedule).')
param resultsReleaseSchedule string = '0 */5 * * * *'

@description('NCRONTAB schedule of the timer that seals every call\'s pending audit entries into its hash chain (app setting AuditSealingSchedule).')
param auditSealingSchedule string = '30 * * * * *'

@description('Sender address of every email; must be a verified sender in SendGrid.')
param emailFromAddress string

@description('Sender name of every email.')
param emailFromName string = 'HostingCalls secretariat'

@description('Address replies to the emails go to.')
param emailReplyToAddress string

@description('The secretariat\'s address for result summaries and failure notices.')
param summaryRecipientAddress string

@description('Most instances the Flex Consumption app may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each Flex Consumption instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Turn on Key Vault purge protection. It cannot be turned off again, and a purge-protected vault blocks `azd down --purge` and re-creating the environment under the same name for the retention period: use it for production.')
param keyVaultPurgeProtection bool = false

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = 'func-${resourceToken}'

// What the app stores (see DESIGN.md). The deployment package container belongs to the Flex Consumption app.
var deploymentContainerName = 'app-package-${functionAppName}'
var dataTables = [
  'calls'
  'offers'
  'deliveryevents'
]
var dataContainers = [
  'attachments'
  'rankings'
]
var dataQueues = [
  'notifications'
  'notifications-poison'
]

// Secret names in Key Vault: the operator sets their values after `azd up` (README, Deploy).
var sendGridApiKeySecretName = 'SendGridApiKey'
var tokenSigningKeysSecretName = 'TokenSigningKeys'

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'core/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'core/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'core/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    containers: concat([deploymentContainerName], dataContainers)
    queues: dataQueues
    tables: dataTables
  }
}

module keyVault 'core/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    enablePurgeProtection: keyVaultPurgeProtection
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityName: identity.outputs.name
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    sendGridApiKeySecretName: sendGridApiKeySecretName
    tokenSigningKeysSecretName: tokenSigningKeysSecretName
    authClientId: authClientId
    sendGridEventWebhookKey: sendGridEventWebhookKey
    corsAllowedOrigins: corsAllowedOrigins
    attachmentMaxBytes: attachmentMaxBytes
    notificationOutboxSchedule: notificationOutboxSchedule
    callClosingSchedule: callClosingSchedule
    resultsReleaseSchedule: resultsReleaseSchedule
    auditSealingSchedule: auditSealingSchedule
    emailFromAddress: emailFromAddress
    emailFromName: emailFromName
    emailReplyToAddress: emailReplyToAddress
    summaryRecipientAddress: summaryRecipientAddress
    invitationPortalUrl: invitationPortalUrl
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
  // The app's identity must hold its roles before the app first reads its package, storage and secrets.
  dependsOn: [
    rbac
  ]
}

// Outputs azd stores in .azure/<env>/.env
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_NAME string = api.outputs.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
output SENDGRID_EVENT_WEBHOOK_URL string = '${api.outputs.uri}/api/sendgrid/events'
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output AZURE_KEY_VAULT_SENDGRID_SECRET_NAME string = sendGridApiKeySecretName
output AZURE_KEY_VAULT_SIGNING_KEYS_SECRET_NAME string = tokenSigningKeysSecretName
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
