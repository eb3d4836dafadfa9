// The function app: a Linux app on the Flex Consumption plan (FC1), runtime dotnet-isolated 10.0, running as the
// user-assigned identity. Its deployment package sits in a blob container read with that identity; every
// connection is in the identity-based shape (X__serviceUri, X__credential, X__clientId); the two secrets come
// from Key Vault references; App Service Authentication (Microsoft Entra ID) signs in the secretariat.
//
// The app settings below are checked by tests/HostingCalls.Infrastructure.Tests (AppSettingsTests): every
// setting the app reads must be a key of the `appSettings` resource's properties.

@description('Name of the function app (also its default host name).')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Region of the plan and the app.')
param location string

@description('Tags of the plan and the app; the app also gets azd-service-name: api.')
param tags object = {}

@description('Name of the user-assigned managed identity the app runs as.')
param identityName string

@description('Name of the storage account for the host, the data and the deployment package.')
param storageAccountName string

@description('Blob container holding the deployment package.')
param deploymentContainerName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Name of the Key Vault that holds the secrets.')
param keyVaultName string

@description('Key Vault secret holding the SendGrid API key.')
param sendGridApiKeySecretName string

@description('Key Vault secret holding the Member State token signing keys.')
param tokenSigningKeysSecretName string

@description('Application (client) id of the Microsoft Entra app registration for the secretariat.')
param authClientId string

@description('Verification key (public key) of the SendGrid Signed Event Webhook; empty until configured.')
param sendGridEventWebhookKey string = ''

@description('Browser origins allowed to call the API (CORS).')
param corsAllowedOrigins string[] = []

@description('Largest attachment accepted, in bytes.')
param attachmentMaxBytes int

@description('NCRONTAB schedule of the notification outbox timer.')
param notificationOutboxSchedule string

@description('NCRONTAB schedule of the timer that closes calls at their deadline and ranks them.')
param callClosingSchedule string

@description('NCRONTAB schedule of the timer that releases results and follows up hosts\' confirmations.')
param resultsReleaseSchedule string

@description('NCRONTAB schedule of the timer that seals every call\'s pending audit entries into its hash chain.')
param auditSealingSchedule string

@description('Sender address of every email (a verified sender in SendGrid).')
param emailFromAddress string

@description('Sender name of every email.')
param emailFromName string

@description('Address replies to the emails go to.')
param emailReplyToAddress string

@description('The secretariat\'s address for result summaries and failure notices.')
param summaryRecipientAddress string

@description('Portal page invitation emails link to; the token follows as #invitation=. Empty: no invitation can be sent.')
param invitationPortalUrl string = ''

@description('Most instances the app may scale out to.')
param maximumInstanceCount int

@description('Memory of each instance, in MB.')
param instanceMemoryMB int

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource storageAccount 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource keyVault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: keyVaultName
}

// Versionless secret URIs (trailing slash): the app picks up a new secret version without a redeployment.
var sendGridApiKeyReference = '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/${sendGridApiKeySecretName}/)'
var tokenSigningKeysReference = '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/${tokenSigningKeysSecretName}/)'

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
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

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, {
    'azd-service-name': 'api'
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: identity.id
    // Flex Consumption has no FTP and no publishing profile (basic auth): azd deploys with a Microsoft Entra token.
    siteConfig: {
      minTlsVersion: '1.2'
      cors: {
        allowedOrigins: corsAllowedOrigins
        supportCredentials: false
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageAccount.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
    }
  }
}

// Every setting the app reads, and the host's own. FUNCTIONS_WORKER_RUNTIME is not here: on Flex Consumption
// functionAppConfig.runtime sets it, and the platform refuses it as an app setting.
resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    // Functions host storage: identity-based connection to the account.
    AzureWebJobsStorage__accountName: storageAccount.name
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identity.properties.clientId

    // Application Insights with Microsoft Entra authentication (local auth is off on the component).
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'

    // DefaultAzureCredential (Azure.Identity) picks the user-assigned identity by this client id.
    AZURE_CLIENT_ID: identity.properties.clientId

    // Data storage (AppSettingNames.Storage): tables, blobs and queues through the identity.
    HostingCallsStorage__blobServiceUri: storageAccount.properties.primaryEndpoints.blob
    HostingCallsStorage__queueServiceUri: storageAccount.properties.primaryEndpoints.queue
    HostingCallsStorage__tableServiceUri: storageAccount.properties.primaryEndpoints.table
    HostingCallsStorage__credential: 'managedidentity'
    HostingCallsStorage__clientId: identity.properties.clientId

    // Options and schedules.
    Attachments__MaxBytes: string(attachmentMaxBytes)
    DevelopmentCaller__Enabled: 'false'
    NotificationOutboxSchedule: notificationOutboxSchedule
    CallClosingSchedule: callClosingSchedule
    ResultsReleaseSchedule: resultsReleaseSchedule
    AuditSealingSchedule: auditSealingSchedule

    // Staff sign-in: the app itself verifies each Entra token (issuer of this tenant, audience of the app
    // registration, the tenant's signing keys), and reads the member's nationality, an ISO alpha-3 code, from this
    // claim (emitted by the app registration's claims mapping).
    Http__AllowedOrigins: join(corsAllowedOrigins, ',')
    Secretariat__TenantId: tenant().tenantId
    Secretariat__ClientId: authClientId
    Secretariat__Instance: environment().authentication.loginEndpoint
    Secretariat__NationalityClaim: 'nationality'

    // Email through SendGrid.
    SendGrid__Host: 'https://api.sendgrid.com'
    SendGrid__FromEmail: emailFromAddress
    SendGrid__FromName: emailFromName
    SendGrid__ReplyToEmail: emailReplyToAddress
    SendGrid__Categories: 'hosting-calls'
    SendGrid__TimeoutSeconds: '30'
    Notifications__SecretariatEmail: summaryRecipientAddress

    // Member States' focal points: the portal their invitation links open (the signing keys are a secret, below);
    // by default the app's own portal.
    Invitations__PortalUrl: empty(invitationPortalUrl) ? 'https://${site.properties.defaultHostName}/api/portal/' : invitationPortalUrl
    // Fair use per invitation and call (429 beyond): offers submitted, revisions in all, attachment bytes in all.
    Invitations__MaxOffers: '20'
    Invitations__MaxRevisions: '100'
    Invitations__MaxAttachmentBytes: '209715200'

    // SendGrid Signed Event Webhook: the public key that verifies the events' signatures.
    SendGrid__EventWebhookVerificationKey: sendGridEventWebhookKey

    // Secrets, resolved by the platform from Key Vault with the user-assigned identity (keyVaultReferenceIdentity).
    SendGrid__ApiKey: sendGridApiKeyReference
    MemberStateTokens__SigningKeys: tokenSigningKeysReference
  }
}

// App Service Authentication: signs staff in to the portal with Microsoft Entra ID and, with the token store on,
// forwards their id token (X-MS-TOKEN-AAD-ID-TOKEN), which the app verifies itself; API clients send a bearer token,
// verified the same way. The app never trusts X-MS-CLIENT-PRINCIPAL alone. Anonymous requests still reach the app,
// which decides per endpoint: the Member State endpoints use their own tokens, the SendGrid Event Webhook its
// signature.
resource authSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
      runtimeVersion: '~1'
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          // v2.0 access tokens carry the client id as audience, v1.0 tokens the Application ID URI.
          allowedAudiences: [
            authClientId
            'api://${authClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: true
      }
    }
  }
}

output name string = site.name
output uri string = 'https://${site.properties.defaultHostName}'
