package com.gatehouse.server.bootstrap;

import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.DirectoryQuery.FindUser;
import com.gatehouse.api.directory.DirectoryViews.UserView;
import com.gatehouse.api.directory.SocietyCommand.AddFlat;
import com.gatehouse.api.directory.SocietyCommand.CreateSociety;
import com.gatehouse.api.directory.UserCommand.RegisterUser;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.command.directory.DirectoryLookup;
import com.gatehouse.command.directory.Passwords;
import com.gatehouse.server.config.GatehouseProperties;
import com.gatehouse.server.embedded.EmbeddedDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * First start: registers the platform operator (SUPER_ADMIN) from {@code gatehouse.admin.*}; with the
 * embedded default and no password set, one is generated and written only to
 * {@code <data-dir>/initial-admin.txt} (readable by the server's user alone, mode 0600), whose path is
 * printed. A password is never printed or logged, neither the operator's nor a generated one. With {@code gatehouse.demo=true} it also seeds a demo society. Both are idempotent:
 * fixed ids, and nothing is sent for what already exists.
 */
@Component
@Order(0)
public class Bootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    public static final String DEFAULT_ADMIN_PHONE = "9000000000";
    static final String DEMO_PASSWORD = "demo-pass-123";

    private final CommandSender sender;
    private final DirectoryLookup lookup;
    private final GatehouseProperties properties;
    private final boolean embedded;
    private final List<String> lines = new ArrayList<>();
    /** Users registered by this start, and the admin: start-up waits until each can log in. */
    private final Set<UUID> registered = new LinkedHashSet<>();

    public Bootstrap(CommandSender sender, DirectoryLookup lookup, GatehouseProperties properties,
                     ObjectProvider<EmbeddedDatabase> embeddedDatabase) {
        this.sender = sender;
        this.lookup = lookup;
        this.properties = properties;
        this.embedded = embeddedDatabase.getIfAvailable() != null;
    }

    /** What to tell the operator at start-up (logins, where passwords are kept). */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void run(ApplicationArguments args) {
        UUID admin = bootstrapAdmin();
        if (properties.demo()) {
            seedDemo();
        }
        registered.add(admin);
        for (UUID user : registered) {
            if (!awaitLogin(user)) {
                break; // one wait is enough: the rest shows up once the read model has caught up
            }
        }
    }

    /**
     * Logins read the directory's read model, which a tracking processor fills after the events are stored
     * (also when it catches up after a crash). Ready must mean the admin and the demo users can log in, so
     * start-up waits until the read model shows them; a read model still busy after the wait is reported,
     * not fatal. Answers whether the user showed up in time.
     */
    private boolean awaitLogin(UUID user) {
        try {
            sender.awaitView(new FindUser(user), UserView.class, user.toString()).block();
            return true;
        } catch (RuntimeException e) {
            log.warn("The directory read model does not show user {} yet ({}); logins work once it has caught up",
                    user, e.getMessage());
            return false;
        }
    }

    /** Registers the platform admin unless their phone is taken, and answers the holder's id. */
    private UUID bootstrapAdmin() {
        String phone = properties.admin().phone() == null ? DEFAULT_ADMIN_PHONE : properties.admin().phone();
        Path file = properties.dataDir().resolve("initial-admin.txt");
        var holder = lookup.holderOfPhone(phone);
        if (holder.isPresent()) {
            if (properties.admin().password() == null && Files.exists(file)) {
                restrictToOwner(file);
            }
            lines.add("Admin login: phone " + phone + (properties.admin().password() != null
                    ? " (password from gatehouse.admin.password)"
                    : Files.exists(file) ? " (first password in " + file.toAbsolutePath() + ")" : ""));
            return holder.get().value();
        }
        String password = properties.admin().password();
        if (password == null) {
            if (!embedded) {
                throw new IllegalStateException("Set gatehouse.admin.phone and gatehouse.admin.password "
                        + "(GATEHOUSE_ADMIN_PHONE, GATEHOUSE_ADMIN_PASSWORD): the first start against an external "
                        + "database creates the platform operator from them");
            }
            password = generatedPassword(file);
        }
        UUID admin = UUID.nameUUIDFromBytes(("gatehouse:admin:" + phone).getBytes(StandardCharsets.UTF_8));
        register(admin, "Platform admin", phone, password, Role.SUPER_ADMIN, null, null);
        lines.add("Admin login: phone " + phone + (properties.admin().password() == null
                ? " (generated password in " + file.toAbsolutePath() + ")"
                : " (password from gatehouse.admin.password)"));
        return admin;
    }

    private void seedDemo() {
        var society = new SocietyId(demoId("society"));
        lines.add("Demo society 'Green Meadows' (" + society + "), every demo password: " + DEMO_PASSWORD);
        if (!lookup.societyExists(society)) {
            sender.send(Caller.system(), new CreateSociety(society, "Green Meadows", "Bengaluru")).block();
            for (String block : List.of("A", "B")) {
                for (String number : List.of("101", "102", "201", "202")) {
                    sender.send(Caller.system(), new AddFlat(society, flat(block, number), block, number)).block();
                }
            }
        }
        demoUser("Asha Admin", "9000000001", Role.ADMIN, society, null, "admin");
        demoUser("Gopal Guard", "9000000002", Role.GUARD, society, null, "guard");
        demoUser("Ravi Resident", "9000000003", Role.RESIDENT, society, flat("A", "101"), "resident of A-101");
        demoUser("Meera Resident", "9000000004", Role.RESIDENT, society, flat("A", "101"), "resident of A-101");
        demoUser("Kabir Resident", "9000000005", Role.RESIDENT, society, flat("B", "201"), "resident of B-201");
        demoUser("Anita Auditor", "9000000006", Role.AUDITOR, society, null, "auditor");
    }

    private void demoUser(String name, String phone, Role role, SocietyId society, FlatId flat, String what) {
        if (lookup.holderOfPhone(phone).isEmpty()) {
            register(demoId("user:" + phone), name, phone, DEMO_PASSWORD, role, society, flat);
        }
        lines.add("  " + what + ": phone " + phone);
    }

    private void register(UUID id, String name, String phone, String password, Role role, SocietyId society,
                          FlatId flat) {
        registered.add(id);
        sender.send(Caller.system(), new RegisterUser(new UserId(id), name, phone, Passwords.hash(password), role,
                society, flat)).block();
    }

    private static FlatId flat(String block, String number) {
        return new FlatId(demoId("flat:" + block + "-" + number));
    }

    private static UUID demoId(String what) {
        return UUID.nameUUIDFromBytes(("gatehouse:demo:" + what).getBytes(StandardCharsets.UTF_8));
    }

    private static String generatedPassword(Path file) {
        try {
            if (Files.exists(file)) {
                restrictToOwner(file);
                return Files.readString(file).strip();
            }
            byte[] bytes = new byte[12];
            new SecureRandom().nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "admin", ".tmp");
            restrictToOwner(tmp); // before the password is in it
            Files.writeString(tmp, password + "\n");
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the generated admin password in " + file, e);
        }
    }

    /** Mode 0600 where the file system has POSIX permissions (elsewhere the data directory's own ACLs apply). */
    private static void restrictToOwner(Path file) {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make " + file + " readable by its owner only", e);
        }
    }
}
