terraform {
  required_version = ">= 1.5"

  required_providers {
    oci = {
      source = "oracle/oci"
      # Written against 8.28.0's schema (the version CI validates with, offline); any later 8.x works.
      version = "~> 8.28"
    }
  }
}
