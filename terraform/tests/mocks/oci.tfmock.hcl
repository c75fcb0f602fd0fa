# What the data sources answer in a tenancy of the tests' making (no OCI account is reached).

mock_data "oci_identity_tenancy" {
  defaults = {
    name            = "acme"
    home_region_key = "IAD"
  }
}

mock_data "oci_identity_regions" {
  defaults = {
    regions = [
      { key = "IAD", name = "us-ashburn-1" },
      { key = "FRA", name = "eu-frankfurt-1" },
    ]
  }
}

mock_data "oci_core_services" {
  defaults = {
    services = [
      { cidr_block = "oci-fra-objectstorage", description = "OCI FRA Object Storage", id = "ocid1.service.oc1.eu-frankfurt-1.objectstorage", name = "OCI FRA Object Storage" },
      { cidr_block = "all-fra-services-in-oracle-services-network", description = "All FRA Services In Oracle Services Network", id = "ocid1.service.oc1.eu-frankfurt-1.all", name = "All FRA Services In Oracle Services Network" },
    ]
  }
}

mock_data "oci_identity_availability_domains" {
  defaults = {
    availability_domains = [
      { compartment_id = "ocid1.tenancy.oc1..acme", id = "ocid1.availabilitydomain.oc1..ad1", name = "Uocm:EU-FRANKFURT-1-AD-1" },
      { compartment_id = "ocid1.tenancy.oc1..acme", id = "ocid1.availabilitydomain.oc1..ad2", name = "Uocm:EU-FRANKFURT-1-AD-2" },
      { compartment_id = "ocid1.tenancy.oc1..acme", id = "ocid1.availabilitydomain.oc1..ad3", name = "Uocm:EU-FRANKFURT-1-AD-3" },
    ]
  }
}

mock_data "oci_objectstorage_namespace" {
  defaults = {
    namespace = "acmens"
  }
}

mock_data "oci_containerengine_node_pool_option" {
  defaults = {
    sources = [
      { image_id = "ocid1.image.oc1.eu-frankfurt-1.gpu", source_name = "Oracle-Linux-8.10-Gen2-GPU-2025.06.17-0-OKE-1.33.1-800", source_type = "IMAGE" },
      { image_id = "ocid1.image.oc1.eu-frankfurt-1.arm", source_name = "Oracle-Linux-8.10-aarch64-2025.06.17-0-OKE-1.33.1-800", source_type = "IMAGE" },
      { image_id = "ocid1.image.oc1.eu-frankfurt-1.old", source_name = "Oracle-Linux-8.10-2025.06.17-0-OKE-1.32.1-800", source_type = "IMAGE" },
      { image_id = "ocid1.image.oc1.eu-frankfurt-1.ol8", source_name = "Oracle-Linux-8.10-2025.06.17-0-OKE-1.33.1-800", source_type = "IMAGE" },
    ]
  }
}

mock_resource "oci_database_autonomous_database" {
  defaults = {
    connection_strings = [{
      all_connection_strings = {}
      dedicated              = ""
      high                   = ""
      low                    = ""
      medium                 = ""
      profiles = [
        { consumer_group = "TP", display_name = "suitedb_tp", host_format = "FQDN", is_regional = false, protocol = "TCPS", session_mode = "DIRECT", syntax_format = "LONG", tls_authentication = "MUTUAL", value = "(description=(address=(protocol=tcps)(port=1522)(host=adb.eu-frankfurt-1.oraclecloud.com))(connect_data=(service_name=x_suitedb_tp.adb.oraclecloud.com))(security=(ssl_server_dn_match=yes)))" },
        { consumer_group = "TP", display_name = "suitedb_tp", host_format = "FQDN", is_regional = false, protocol = "TCPS", session_mode = "DIRECT", syntax_format = "LONG", tls_authentication = "SERVER", value = "(description=(retry_count=20)(retry_delay=3)(address=(protocol=tcps)(port=1522)(host=suitedb.adb.eu-frankfurt-1.oraclecloud.com))(connect_data=(service_name=x_suitedb_tp.adb.oraclecloud.com))(security=(ssl_server_dn_match=yes)))" },
      ]
    }]
  }
}
