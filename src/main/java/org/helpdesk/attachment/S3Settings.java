package org.helpdesk.attachment;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * S3-compatible object storage for attachments, under {@code helpdesk.s3.*} (environment HELPDESK_S3_*). Used when
 * a bucket is set; otherwise files stay in the data folder.
 *
 * @param endpoint  HELPDESK_S3_ENDPOINT: the server's URL (MinIO, Ceph, Garage, ...); blank for AWS itself
 * @param region    HELPDESK_S3_REGION (default us-east-1; most S3-compatible servers accept any)
 * @param bucket    HELPDESK_S3_BUCKET: the bucket, which must exist
 * @param accessKey HELPDESK_S3_ACCESS_KEY and {@code secretKey} HELPDESK_S3_SECRET_KEY: both, or neither (then
 *                  the AWS default credentials chain: environment, instance profile, ...)
 * @param pathStyle HELPDESK_S3_PATH_STYLE: {@code true} for servers without bucket subdomains (most self-hosted)
 */
@ConfigurationProperties("helpdesk.s3")
record S3Settings(String endpoint, @DefaultValue("us-east-1") String region, String bucket, String accessKey,
                  String secretKey, @DefaultValue("false") boolean pathStyle) {

    S3Settings {
        endpoint = blankToNull(endpoint);
        bucket = blankToNull(bucket);
        accessKey = blankToNull(accessKey);
        secretKey = blankToNull(secretKey);
        region = blankToNull(region) == null ? "us-east-1" : region.strip();
        if (endpoint != null) {
            URI uri = null;
            try {
                uri = URI.create(endpoint);
            } catch (IllegalArgumentException e) {
                AttachmentSettings.require(false, "helpdesk.s3.endpoint (HELPDESK_S3_ENDPOINT) is not a URL: " + endpoint);
            }
            AttachmentSettings.require(("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null, "helpdesk.s3.endpoint (HELPDESK_S3_ENDPOINT) must look like"
                    + " https://s3.example.com or http://127.0.0.1:9000, not " + endpoint);
            AttachmentSettings.require(bucket != null,
                    "helpdesk.s3.endpoint (HELPDESK_S3_ENDPOINT) is set but helpdesk.s3.bucket (HELPDESK_S3_BUCKET) is not");
        }
        if (bucket != null) {
            AttachmentSettings.require(bucket.matches("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]"),
                    "helpdesk.s3.bucket (HELPDESK_S3_BUCKET) must be a bucket name: 3-63 lower-case letters, digits,"
                            + " dots and hyphens");
        }
        AttachmentSettings.require((accessKey == null) == (secretKey == null), "HELPDESK_S3_ACCESS_KEY and"
                + " HELPDESK_S3_SECRET_KEY go together: set both, or neither (the AWS default credentials)");
    }

    boolean enabled() {
        return bucket != null;
    }

    @Override
    public String toString() { // never the secret key in a log line
        return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", pathStyle="
                + pathStyle + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
