package org.unionhub.core.internal.modules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

/**
 * Passes an answer through unless it is a 404: that one is kept back, uncommitted, so that
 * {@link RequestGate} can throw it away and ask again, or {@link #release()} it as it was.
 */
final class HeldResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private boolean notFound;
    private ServletOutputStream stream;
    private PrintWriter writer;

    HeldResponse(HttpServletResponse response) {
        super(response);
    }

    boolean notFound() {
        return notFound;
    }

    @Override
    public void setStatus(int sc) {
        notFound = sc == 404;
        super.setStatus(sc);
    }

    @Override
    public void sendError(int sc) throws IOException {
        sendError(sc, null);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        if (sc == 404) {
            setStatus(404);
            return;
        }
        super.sendError(sc, msg);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (!notFound) {
            return super.getOutputStream();
        }
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    kept.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    kept.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (!notFound) {
            return super.getWriter();
        }
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(kept, charset()));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (!notFound) {
            super.flushBuffer();
        }
    }

    @Override
    public boolean isCommitted() {
        return !notFound && super.isCommitted();
    }

    /** Sends the kept 404 on as it was. */
    void release() throws IOException {
        if (!notFound) {
            return;
        }
        if (writer != null) {
            writer.flush();
        }
        HttpServletResponse response = (HttpServletResponse) getResponse();
        response.setStatus(404);
        if (kept.size() > 0) {
            response.getOutputStream().write(kept.toByteArray());
        }
    }

    private Charset charset() {
        String name = getCharacterEncoding();
        try {
            return name == null ? StandardCharsets.ISO_8859_1 : Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
