// Key Vault for the app's secrets (SendGrid API key, Member State token signing keys), Azure RBAC only.
// The secrets are not created here: the operator sets them after `azd up` (README, Deploy). A Key Vault
// reference to a secret that does not exist yet does not fail the deployment; it resolves once the secret
// is set and the app settings are written again (`azd provision`) or within 24 hours.

@description('Name of the vault (3-24 letters, digits and dashes, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Region of the vault.')
param location string

@description('Tags of the vault.')
param tags object = {}

@description('Turn on purge protection (cannot be turned off again).')
param enablePurgeProtection bool = false

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Purge protection can only be set to true; leaving it out keeps it off.
    enablePurgeProtection: enablePurgeProtection ? true : null
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
