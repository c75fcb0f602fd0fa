# Values that cannot work are refused at plan time, with a message that says what to change.

mock_provider "oci" {
  source = "./tests/mocks"
}

mock_provider "oci" {
  alias  = "home"
  source = "./tests/mocks"
}

variables {
  tenancy_ocid            = "ocid1.tenancy.oc1..acme"
  compartment_ocid        = "ocid1.compartment.oc1..suite"
  region                  = "eu-frankfurt-1"
  iam_propagation_seconds = 0
}

run "streams_need_every_topic" {
  command = plan
  variables {
    stream_partitions = { "metric-events" = 3 }
  }
  expect_failures = [var.stream_partitions]
}

run "retention_within_what_streaming_allows" {
  command = plan
  variables {
    stream_retention_hours = 200
  }
  expect_failures = [var.stream_retention_hours]
}

run "kube_api_never_open_to_the_internet" {
  command = plan
  variables {
    kube_api_allowed_cidrs = ["0.0.0.0/0"]
  }
  expect_failures = [var.kube_api_allowed_cidrs]
}

run "services_never_connect_as_admin" {
  command = plan
  variables {
    database_user = "admin"
  }
  expect_failures = [var.database_user]
}

run "free_database_has_no_private_endpoint" {
  command = plan
  module {
    source = "./modules/database"
  }
  variables {
    compartment_id           = "ocid1.compartment.oc1..suite"
    name_prefix              = "event-suite"
    db_name                  = "SUITEDB"
    is_free_tier             = true
    compute_count            = 2
    storage_size_in_tbs      = 1
    auto_scaling             = false
    license_model            = "LICENSE_INCLUDED"
    private_endpoint         = true
    subnet_id                = "ocid1.subnet.oc1..data"
    nsg_ids                  = ["ocid1.networksecuritygroup.oc1..db"]
    allowed_cidrs            = []
    admin_password_secret_id = "ocid1.vaultsecret.oc1..admin"
    freeform_tags            = {}
  }
  expect_failures = [oci_database_autonomous_database.this]
}

run "public_database_needs_an_access_list" {
  command = plan
  module {
    source = "./modules/database"
  }
  variables {
    compartment_id           = "ocid1.compartment.oc1..suite"
    name_prefix              = "event-suite"
    db_name                  = "SUITEDB"
    is_free_tier             = false
    compute_count            = 2
    storage_size_in_tbs      = 1
    auto_scaling             = false
    license_model            = "LICENSE_INCLUDED"
    private_endpoint         = false
    subnet_id                = "ocid1.subnet.oc1..data"
    nsg_ids                  = []
    allowed_cidrs            = []
    admin_password_secret_id = "ocid1.vaultsecret.oc1..admin"
    freeform_tags            = {}
  }
  expect_failures = [oci_database_autonomous_database.this]
}

run "gateway_needs_jwt_settings" {
  command = plan
  module {
    source = "./modules/api-gateway"
  }
  variables {
    compartment_id        = "ocid1.compartment.oc1..suite"
    name_prefix           = "event-suite"
    subnet_id             = "ocid1.subnet.oc1..private"
    nsg_ids               = []
    backend_url           = "http://10.20.2.10:8080"
    jwt_issuers           = []
    jwt_audiences         = []
    jwks_uri              = null
    rate_limit_per_second = 10
    freeform_tags         = {}
  }
  expect_failures = [oci_apigateway_deployment.search]
}

run "own_stream_user_needs_a_name" {
  command = plan
  variables {
    create_stream_user = false
  }
  expect_failures = [output.kafka_sasl_username]
}
