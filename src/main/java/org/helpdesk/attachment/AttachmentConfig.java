package org.helpdesk.attachment;

import java.io.IOException;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import org.helpdesk.common.RequestPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * The store (S3 when a bucket is set, else the data folder) and the servlet container's multipart limits: an
 * upload is written to disk by the container as it arrives (threshold 0, never held in memory), and a file over
 * the limit is refused while it streams in.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AttachmentSettings.class, S3Settings.class})
class AttachmentConfig {
    private static final Logger log = LoggerFactory.getLogger(AttachmentConfig.class);
    /** Room for the part headers and a few small fields beside the file. */
    private static final long MULTIPART_OVERHEAD = 1024 * 1024;

    @Bean(destroyMethod = "")
    BlobStore blobStore(AttachmentSettings settings, S3Settings s3) throws IOException {
        BlobStore store = s3.enabled()
                ? new S3BlobStore(s3, settings.folder().resolve("staging"), settings.orphanGrace().dividedBy(4))
                : new LocalBlobStore(settings.folder());
        log.info("Attachments are stored in the {}", store.describe());
        return store;
    }

    /**
     * Multipart pages are parsed when their handler asks (lazily); the upload API route is not wrapped at all: it
     * reads its one part itself, after the caller's credentials and entity are judged.
     */
    @Bean(name = "multipartResolver")
    StandardServletMultipartResolver multipartResolver() {
        StandardServletMultipartResolver resolver = new StandardServletMultipartResolver() {
            @Override
            public boolean isMultipart(HttpServletRequest request) {
                return !RequestPaths.isUpload(request) && super.isMultipart(request);
            }
        };
        resolver.setResolveLazily(true);
        return resolver;
    }

    @Bean
    MultipartConfigElement multipartConfigElement(AttachmentSettings settings) {
        return new MultipartConfigElement("", settings.maxFileBytes(),
                settings.maxFileBytes() + MULTIPART_OVERHEAD, 0);
    }
}
