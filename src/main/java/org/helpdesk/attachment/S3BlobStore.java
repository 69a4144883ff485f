package org.helpdesk.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Files in an S3-compatible bucket (AWS SDK for Java v2), one object per blob under the same keys as on disk.
 * Uploads are staged (and hashed) in a local folder first, since the key is the content's hash; a PUT that
 * answered is durable. Reads are streamed, ranges asked of the server.
 */
final class S3BlobStore implements BlobStore, AutoCloseable {
    private final S3Client s3;
    private final String bucket;
    private final Path staging;
    private final Duration refreshAfter;
    private final String description;

    S3BlobStore(S3Settings settings, Path staging, Duration refreshAfter) throws IOException {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                // no aws-chunked uploads: S3-compatible servers do not all decode them (the payload is signed whole)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle())
                        .chunkedEncodingEnabled(false).build())
                // S3-compatible servers do not all know the newer default checksums: only where S3 requires them
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(settings.accessKey() == null ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(),
                        settings.secretKey())));
        if (settings.endpoint() != null) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        this.s3 = builder.build();
        this.bucket = settings.bucket();
        this.staging = Files.createDirectories(staging);
        this.refreshAfter = refreshAfter;
        this.description = "S3 bucket " + settings.bucket()
                + (settings.endpoint() == null ? "" : " at " + settings.endpoint());
    }

    @Override
    public void put(UUID entityId, String sha256, Path staged, long size) throws IOException {
        String key = BlobStore.key(entityId, sha256);
        try {
            HeadObjectResponse head = head(key);
            // kept once; written again only when old, so the sweep's grace period starts anew for the new row
            if (head != null && head.contentLength() == size
                    && head.lastModified().isAfter(Instant.now().minus(refreshAfter))) {
                return;
            }
            s3.putObject(b -> b.bucket(bucket).key(key).contentLength(size), RequestBody.fromFile(staged));
        } catch (SdkException e) {
            throw new IOException("Storing " + key + " in S3 failed: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    @Override
    public InputStream open(UUID entityId, String sha256, long offset, long length) throws IOException {
        String key = BlobStore.key(entityId, sha256);
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
        if (offset > 0 || length >= 0) {
            request.range("bytes=" + offset + "-" + (length < 0 ? "" : String.valueOf(offset + length - 1)));
        }
        try {
            return s3.getObject(request.build());
        } catch (NoSuchKeyException e) {
            throw new MissingBlob(key);
        } catch (SdkException e) {
            throw new IOException("Reading " + key + " from S3 failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(UUID entityId, String sha256) throws IOException {
        try {
            return head(BlobStore.key(entityId, sha256)) != null;
        } catch (SdkException e) {
            throw new IOException("S3 failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(UUID entityId, String sha256) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(BlobStore.key(entityId, sha256)));
        } catch (SdkException e) {
            throw new IOException("Deleting from S3 failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Blob> list(String after, int limit) throws IOException {
        List<Blob> out = new ArrayList<>();
        try {
            ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).maxKeys(limit);
            if (after != null) {
                request.startAfter(after);
            }
            ListObjectsV2Response page = s3.listObjectsV2(request.build());
            for (S3Object object : page.contents()) {
                String[] parts = object.key().split("/");
                if (parts.length == 3 && parts[2].matches("[0-9a-f]{64}")) {
                    try {
                        out.add(new Blob(UUID.fromString(parts[0]), parts[2], object.lastModified()));
                    } catch (IllegalArgumentException e) {
                        // not ours
                    }
                }
            }
        } catch (SdkException e) {
            throw new IOException("Listing S3 failed: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public Path staging() {
        return staging;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        s3.close();
    }

    private HeadObjectResponse head(String key) {
        try {
            return s3.headObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return null;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

}
