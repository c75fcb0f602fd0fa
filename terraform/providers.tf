# The region everything is created in.
provider "oci" {
  region              = var.region
  config_file_profile = var.config_file_profile
}

# IAM (policies, dynamic groups, users) can only be written in the tenancy's home region.
provider "oci" {
  alias               = "home"
  region              = local.home_region
  config_file_profile = var.config_file_profile
}
