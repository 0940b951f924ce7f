package com.gatehouse.server.web;

import com.gatehouse.api.report.CsvTable;
import org.reactivestreams.Publisher;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes every {@link CsvTable} answer as CSV when the client asks for {@code text/csv} (RFC 4180: comma
 * separated, CRLF lines, fields quoted when they hold a comma, quote or line break; UTF-8), offered as a download
 * named after the report. A field that a spreadsheet would read as a formula (starting with =, +, - or @) is
 * prefixed with a quote character, so a name typed by a user can never run as a formula.
 */
@Component
public class CsvWriter implements HttpMessageWriter<CsvTable>, WebFluxConfigurer {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
        configurer.customCodecs().register(this);
    }

    @Override
    public List<MediaType> getWritableMediaTypes() {
        return List.of(TEXT_CSV);
    }

    @Override
    public boolean canWrite(ResolvableType elementType, MediaType mediaType) {
        return CsvTable.class.isAssignableFrom(elementType.toClass())
                && (mediaType == null || mediaType.isCompatibleWith(TEXT_CSV));
    }

    @Override
    public Mono<Void> write(Publisher<? extends CsvTable> input, ResolvableType elementType, MediaType mediaType,
                            ReactiveHttpOutputMessage message, Map<String, Object> hints) {
        return Mono.from(input).flatMap(table -> {
            message.getHeaders().setContentType(TEXT_CSV);
            message.getHeaders().setContentDisposition(ContentDisposition.attachment()
                    .filename(table.csvName() + ".csv").build());
            byte[] bytes = csv(table).getBytes(StandardCharsets.UTF_8);
            DataBuffer buffer = message.bufferFactory().wrap(bytes);
            return message.writeWith(Mono.just(buffer));
        });
    }

    static String csv(CsvTable table) {
        var out = new StringBuilder();
        line(out, table.csvHeader());
        for (List<Object> row : table.csvRows()) {
            line(out, row);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && !(value instanceof Number) && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
