package com.gatehouse.server.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.StandaloneServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.gatehouse.server.support.Api.getFromStore;
import static org.assertj.core.api.Assertions.assertThat;

/** The embedded object store keeps its port across restarts of a data dir, so pre-signed URLs outlive a restart. */
class UploadRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aViewUrlIssuedBeforeARestartStillDownloadsThePhotoAfterIt() throws Exception {
        byte[] photo = UploadFlowTest.bytes(30_000);
        String viewUrl;
        try (var server = StandaloneServer.start(dataDir)) {
            Api api = server.api();
            var guard = api.newSociety().guard();
            JsonNode document = api.upload(guard, "ENTRY_PHOTO", "visitor.jpg", "image/jpeg", photo);
            viewUrl = api.read(guard, "/upload/{id}/view-url", document.get("id").asText()).get("url").asText();
            assertThat(getFromStore(viewUrl).statusCode()).isEqualTo(200);
        }
        try (var server = StandaloneServer.start(dataDir)) {
            var download = getFromStore(viewUrl);
            assertThat(download.statusCode()).as("the URL handed out before the restart").isEqualTo(200);
            assertThat(download.body()).isEqualTo(photo);
        }
    }

    @Test
    void aTakenPortIsReplacedByAFreeOneAndUploadsGoOn() throws Exception {
        int first;
        try (var server = StandaloneServer.start(dataDir)) {
            first = storePort(server);
        }
        assertThat(Files.readString(dataDir.resolve("object-store.port")).strip()).isEqualTo(Integer.toString(first));
        try (var squatter = new ServerSocket(first, 50, InetAddress.getByName("127.0.0.1"));
             var server = StandaloneServer.start(dataDir)) {
            int second = storePort(server);
            assertThat(second).isNotEqualTo(first);
            Api api = server.api();
            var guard = api.newSociety().guard();
            byte[] photo = UploadFlowTest.bytes(10_000);
            JsonNode document = api.upload(guard, "ENTRY_PHOTO", "visitor.jpg", "image/jpeg", photo);
            String url = api.read(guard, "/upload/{id}/view-url", document.get("id").asText()).get("url").asText();
            assertThat(URI.create(url).getPort()).isEqualTo(second);
            assertThat(getFromStore(url).body()).isEqualTo(photo);
            assertThat(Files.readString(dataDir.resolve("object-store.port")).strip())
                    .as("the new port is kept for the next start").isEqualTo(Integer.toString(second));
        }
    }

    private static int storePort(StandaloneServer server) {
        return server.context().getBean(com.gatehouse.server.storage.ObjectStoreConfig.ObjectStoreEndpoint.class)
                .endpoint().getPort();
    }
}
