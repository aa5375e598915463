package org.unionhub.core.internal.modules;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body can be read again from the start: what was read is kept (up to {@link #LIMIT}
 * bytes), so {@link RequestGate} can hand the same request on a second time when the first attempt found
 * no resource — CXF drains the body before it answers even a 404.
 */
final class ReplayableRequest extends HttpServletRequestWrapper {

    static final int LIMIT = 1 << 20;

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private boolean overflow;
    private int position;
    private ServletInputStream stream;

    ReplayableRequest(HttpServletRequest request) {
        super(request);
    }

    /** Whether the whole body read so far can be read again. */
    boolean replayable() {
        return !overflow;
    }

    /** The next reader starts from the first byte again. */
    void rewind() {
        position = 0;
        stream = null;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            ServletInputStream original = super.getInputStream();
            stream = new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int n = read(one, 0, 1);
                    return n < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (position < kept.size()) {
                        byte[] all = kept.toByteArray();
                        int n = Math.min(len, all.length - position);
                        System.arraycopy(all, position, b, off, n);
                        position += n;
                        return n;
                    }
                    int n = original.read(b, off, len);
                    if (n > 0) {
                        if (kept.size() + n <= LIMIT) {
                            kept.write(b, off, n);
                        } else {
                            overflow = true;
                        }
                        position += n;
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return position >= kept.size() && original.isFinished();
                }

                @Override
                public boolean isReady() {
                    return position < kept.size() || original.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    original.setReadListener(listener);
                }
            };
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
}
