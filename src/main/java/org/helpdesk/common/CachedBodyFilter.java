package org.helpdesk.common;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads each API request body once, up to the size limit, so that entity resolution can look at
 * {@code entityId} in it and the controller can still read it. Larger bodies are refused with 413
 * before anything else runs.
 */
@Component
@Order(FilterOrder.CACHED_BODY)
public class CachedBodyFilter extends OncePerRequestFilter {
    public static final String ATTRIBUTE = CachedBodyFilter.class.getName() + ".body";

    private final int maxBytes;

    CachedBodyFilter(HelpdeskSettings settings) {
        this.maxBytes = settings.maxBodyBytes();
    }

    /** The request body as read by this filter; empty when there was none. */
    public static byte[] body(HttpServletRequest request) {
        Object body = request.getAttribute(ATTRIBUTE);
        return body instanceof byte[] bytes ? bytes : new byte[0];
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the upload route streams its multipart body to storage (up to 25 MiB): never buffered here
        return !RequestPaths.isApi(request) || RequestPaths.isUpload(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        // too large: answered once the caller is known (credentials first, DeferredRejection), with no body
        if (declared > maxBytes) {
            chain.doFilter(new CachedBodyRequest(DeferredRejection.reject(request, 413,
                    "The request body is larger than " + maxBytes + " bytes"), new byte[0]), response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            chain.doFilter(new CachedBodyRequest(DeferredRejection.reject(request, 413,
                    "The request body is larger than " + maxBytes + " bytes"), new byte[0]), response);
            return;
        }
        request.setAttribute(ATTRIBUTE, body);
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already buffered");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
