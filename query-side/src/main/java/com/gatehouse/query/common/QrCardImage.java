package com.gatehouse.query.common;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;

/**
 * Draws a QR card to print or show (staff cards, pre-approvals, gate passes): the QR code of the token on top
 * (whole pixels per module, a four-module quiet zone, error correction M), and under it a photo (when there is
 * one), a name and a second line (the staff type, the entry code, ...), so the guard can see whose card it is.
 */
public final class QrCardImage {

    static final int WIDTH = 480;
    static final int QUIET_ZONE = 4;
    static final int BAND = 170;
    static final int PHOTO = 150;

    private QrCardImage() {
    }

    /** The QR code of the token (exposed for tests and measurements: its version and module count). */
    public static QRCode code(String token) {
        try {
            return Encoder.encode(token, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1"));
        } catch (WriterException e) {
            throw new IllegalStateException("Cannot draw the QR code: " + e.getMessage(), e);
        }
    }

    /**
     * The card as a PNG; {@code photo} (a stored photo, any format ImageIO reads) and {@code staffType} (the
     * second line) may be null.
     */
    public static byte[] png(String token, String name, String staffType, byte[] photo) {
        ByteMatrix matrix = code(token).getMatrix();
        int modules = matrix.getWidth();
        int scale = Math.max(1, WIDTH / (modules + 2 * QUIET_ZONE));
        int side = (modules + 2 * QUIET_ZONE) * scale;
        int offset = (WIDTH - side) / 2;
        var image = new BufferedImage(WIDTH, WIDTH + BAND, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            for (int y = 0; y < modules; y++) {
                for (int x = 0; x < modules; x++) {
                    if (matrix.get(x, y) == 1) {
                        g.fillRect(offset + (QUIET_ZONE + x) * scale, offset + (QUIET_ZONE + y) * scale, scale, scale);
                    }
                }
            }
            int top = WIDTH + (BAND - PHOTO) / 2 - 10;
            int textLeft = 24;
            BufferedImage picture = readPhoto(photo);
            if (picture != null) {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                int crop = Math.min(picture.getWidth(), picture.getHeight());
                g.drawImage(picture, 24, top, 24 + PHOTO, top + PHOTO,
                        (picture.getWidth() - crop) / 2, (picture.getHeight() - crop) / 2,
                        (picture.getWidth() + crop) / 2, (picture.getHeight() + crop) / 2, null);
                textLeft = 24 + PHOTO + 20;
            }
            drawText(g, name, staffType, textLeft, top + PHOTO / 2);
        } finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "PNG", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BufferedImage readPhoto(byte[] photo) {
        if (photo == null) {
            return null;
        }
        try {
            return ImageIO.read(new ByteArrayInputStream(photo));
        } catch (IOException | RuntimeException e) {
            return null; // not an image ImageIO reads (webp, a corrupt file): the card without the photo
        }
    }

    /** Name (bold, shrunk to fit) and type; skipped on a machine without fonts: the code is what matters. */
    private static void drawText(Graphics2D g, String name, String staffType, int left, int middle) {
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            int room = WIDTH - left - 24;
            int size = 34;
            Font font = new Font(Font.SANS_SERIF, Font.BOLD, size);
            FontMetrics metrics = g.getFontMetrics(font);
            while (size > 14 && metrics.stringWidth(name) > room) {
                font = new Font(Font.SANS_SERIF, Font.BOLD, --size);
                metrics = g.getFontMetrics(font);
            }
            g.setFont(font);
            g.drawString(name, left, middle);
            if (staffType != null) {
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
                g.setColor(Color.DARK_GRAY);
                g.drawString(staffType, left, middle + 34);
            }
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // a headless JVM without any font: the card keeps its code and photo
        }
    }

    /**
     * The answer of every QR endpoint, never cached: {@code json} by default; when {@link #wantsPng} the card drawn
     * off the event loop, with the photo {@code photo} reads there (null: no photo).
     */
    public static Mono<ResponseEntity<Object>> answer(boolean png, Object json, String token, String name,
                                                      String secondLine, Callable<byte[]> photo) {
        var response = ResponseEntity.ok().cacheControl(CacheControl.noStore());
        if (png) {
            return Blocking.read(() -> png(token, name, secondLine, photo.call()))
                    .map(bytes -> response.contentType(MediaType.IMAGE_PNG).body((Object) bytes));
        }
        return Mono.just(response.contentType(MediaType.APPLICATION_JSON).body(json));
    }

    /** PNG when the client asks for an image before (or instead of) JSON. */
    public static boolean wantsPng(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        for (MediaType type : MediaType.parseMediaTypes(accept)) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                return false;
            }
            if (type.getType().equals("image") && type.isCompatibleWith(MediaType.IMAGE_PNG)) {
                return true;
            }
        }
        return false;
    }

}
