package com.gatehouse.command.privacy;

import com.gatehouse.api.common.ClusterSignals;
import com.gatehouse.api.common.DataSubject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The data keys of data subjects (table {@code subject_keys}) and the AES-GCM sealing of personal fields with
 * them. A sealed value is {@code <keyId>.<base64(iv | ciphertext | tag)>}; the associated data binds it to its
 * key and to where it sits (the field's path), so a sealed value moved to another field or subject does not open.
 * <p>
 * Keys are cached once their transaction has committed (a key cached from a transaction that rolled back would
 * seal data nothing can open). Erasing a subject deletes its key row in the caller's transaction and tells every
 * instance ({@link ClusterSignals}) to drop it from their caches; a deleted key never comes back (key ids are
 * random), so "erased" is cached for good, and wins over a transaction that read the key before the erasure
 * committed and commits after it (it would otherwise cache the erased key again).
 */
public class SubjectKeys {

    static final String ERASED_TOPIC = "subject-key-erased";
    private static final int CACHE = 100_000;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final JdbcTemplate jdbc;
    private final SecretKey master;
    private final ClusterSignals signals;
    private final SecureRandom random = new SecureRandom();
    private final Map<UUID, SecretKey> keys = lru();
    private final Map<UUID, UUID> keyOfSubject = lru();
    private final Map<UUID, Boolean> erasedKeys = lru();
    private final AtomicLong erasures = new AtomicLong();

    public SubjectKeys(JdbcTemplate jdbc, byte[] masterKey, ClusterSignals signals) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("The privacy master key must be 32 bytes (AES-256), was " + masterKey.length);
        }
        this.jdbc = jdbc;
        this.master = new SecretKeySpec(masterKey, "AES");
        this.signals = signals;
        if (signals != null) {
            signals.subscribe(ERASED_TOPIC, payload -> {
                for (String keyId : payload.split(",")) {
                    forgetKey(UUID.fromString(keyId));
                }
            });
        }
    }

    private static <K, V> Map<K, V> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > CACHE;
            }
        });
    }

    /**
     * Seals {@code plain} with the subject's key (made on first use, filed under {@code society}: the society of
     * the event, null for none), bound to {@code path}.
     */
    public String seal(DataSubject subject, UUID society, byte[] plain, String path) {
        var key = keyFor(subject, society);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(key.id(), path));
            byte[] sealed = cipher.doFinal(plain);
            return key.id() + "." + Base64.getEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal personal data", e);
        }
    }

    /** Opens a sealed value; empty when its subject was erased (the key is gone). */
    public Optional<byte[]> open(String sealed, String path) {
        int dot = sealed.indexOf('.');
        UUID keyId = UUID.fromString(sealed.substring(0, dot));
        Optional<SecretKey> key = key(keyId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        byte[] data = Base64.getDecoder().decode(sealed.substring(dot + 1));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            cipher.updateAAD(aad(keyId, path));
            return Optional.of(cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed personal field does not open with its key (tampered or moved): "
                    + path, e);
        }
    }

    /**
     * Deletes the subject's key in the caller's transaction: everything sealed with it reads as erased from then
     * on, on every instance. Answers whether there was a key.
     */
    public boolean erase(DataSubject subject) {
        List<UUID> deleted = jdbc.queryForList("delete from subject_keys where subject_id = ? returning key_id",
                UUID.class, subject.id());
        Map<Object, Key> pending = pending();
        pending.remove(subject.id());
        deleted.forEach(id -> pending.put(id, null));
        keyOfSubject.remove(subject.id());
        deleted.forEach(keys::remove);
        afterCommit(() -> {
            deleted.forEach(this::forgetKey);
            keyOfSubject.remove(subject.id());
            if (signals != null && !deleted.isEmpty()) {
                signals.publish(ERASED_TOPIC, String.join(",", deleted.stream().map(UUID::toString).toList()));
            }
        });
        return !deleted.isEmpty();
    }

    /** A subject whose key is older than a cut-off, with the society it is filed under. */
    public record Aged(DataSubject subject, UUID societyId) {
    }

    /**
     * Up to {@code limit} subjects of a kind whose key was made before {@code cutoff}, oldest first; of one society
     * when {@code society} is given, never of the societies in {@code except}; never one under a legal hold.
     */
    public List<Aged> olderThan(DataSubject.Kind kind, java.time.Instant cutoff, UUID society,
                                java.util.Collection<UUID> except, int limit) {
        return jdbc.query("""
                        select subject_id, society_id from subject_keys k
                        where subject_kind = ? and created_at < ? and (?::uuid is null or society_id = ?)
                          and (society_id is null or not (society_id = any(?::uuid[])))
                          and not exists (select 1 from legal_hold h where h.subject_id = k.subject_id)
                        order by created_at limit ?""",
                (rs, i) -> new Aged(new DataSubject(kind, rs.getObject("subject_id", UUID.class)),
                        rs.getObject("society_id", UUID.class)),
                kind.name(), java.sql.Timestamp.from(cutoff), society, society, uuidArray(except), limit);
    }

    /** A PostgreSQL array literal of ids, for {@code ?::uuid[]}. */
    public static String uuidArray(java.util.Collection<UUID> ids) {
        return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
    }

    /** Whether the subject has a key now (has personal data that can be read). */
    public boolean hasKey(DataSubject subject) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from subject_keys where subject_id = ?)",
                Boolean.class, subject.id()));
    }

    /**
     * A count that moves whenever an erasure committed (here, or on another instance as soon as this one hears of
     * it). Outside a transaction that erases ({@link #erasingInThisTransaction}), a value opened while it stood
     * still opens the same now.
     */
    public long erasures() {
        return erasures.get();
    }

    /** Whether the current transaction erased a key (not committed yet: only it sees the key gone). */
    public boolean erasingInThisTransaction() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.getResource(this) instanceof Map<?, ?> pending
                && pending.containsValue(null);
    }

    private void forgetKey(UUID keyId) {
        erasures.incrementAndGet();
        keys.remove(keyId);
        erasedKeys.put(keyId, true);
        keyOfSubject.values().removeIf(keyId::equals);
    }

    private record Key(UUID id, SecretKey secret) {
    }

    private Key keyFor(DataSubject subject, UUID society) {
        UUID cachedId = keyOfSubject.get(subject.id());
        if (cachedId != null) {
            SecretKey cached = keys.get(cachedId);
            if (cached != null) {
                return new Key(cachedId, cached);
            }
        }
        Map<Object, Key> pending = pending();
        Key key = pending.get(subject.id());
        if (key != null) {
            return key;
        }
        key = load(subject.id());
        if (key == null) {
            UUID id = UUID.randomUUID();
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            jdbc.update("""
                            insert into subject_keys (key_id, subject_id, subject_kind, society_id, wrapped_key)
                            values (?, ?, ?, ?, ?) on conflict (subject_id) do nothing""",
                    id, subject.id(), subject.kind().name(), society, wrap(id, raw));
            key = load(subject.id()); // ours, or one another transaction made first
        }
        Key made = key;
        pending.put(subject.id(), made);
        pending.put(made.id(), made);
        afterCommit(() -> {
            if (!erasedKeys.containsKey(made.id())) { // erased while this transaction ran: never cached again
                keys.put(made.id(), made.secret());
                keyOfSubject.put(subject.id(), made.id());
            }
        });
        return key;
    }

    private Optional<SecretKey> key(UUID keyId) {
        if (erasedKeys.containsKey(keyId)) {
            return Optional.empty();
        }
        SecretKey cached = keys.get(keyId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Map<Object, Key> pending = pending();
        if (pending.containsKey(keyId)) {
            return Optional.ofNullable(pending.get(keyId)).map(Key::secret);
        }
        List<byte[]> wrapped = jdbc.queryForList("select wrapped_key from subject_keys where key_id = ?", byte[].class,
                keyId);
        if (wrapped.isEmpty()) {
            pending.put(keyId, null);
            afterCommit(() -> erasedKeys.put(keyId, true));
            return Optional.empty();
        }
        SecretKey key = new SecretKeySpec(unwrap(keyId, wrapped.get(0)), "AES");
        pending.put(keyId, new Key(keyId, key));
        afterCommit(() -> {
            if (!erasedKeys.containsKey(keyId)) { // erased while this transaction ran: never cached again
                keys.put(keyId, key);
            }
        });
        return Optional.of(key);
    }

    private Key load(UUID subjectId) {
        var rows = jdbc.query("select key_id, wrapped_key from subject_keys where subject_id = ?",
                (rs, i) -> {
                    UUID id = rs.getObject("key_id", UUID.class);
                    return new Key(id, new SecretKeySpec(unwrap(id, rs.getBytes("wrapped_key")), "AES"));
                }, subjectId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private byte[] wrap(UUID keyId, byte[] raw) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, master, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(keyId.toString().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(raw);
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot wrap a subject key", e);
        }
    }

    private byte[] unwrap(UUID keyId, byte[] wrapped) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, master, new GCMParameterSpec(TAG_BITS, wrapped, 0, IV_BYTES));
            cipher.updateAAD(keyId.toString().getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(wrapped, IV_BYTES, wrapped.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A subject key does not open with the privacy master key: is "
                    + "gatehouse.privacy.master-key the one this database was made with?", e);
        }
    }

    private static byte[] aad(UUID keyId, String path) {
        return (keyId + "|" + path).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Keys met in the current transaction (by subject id and by key id; null: no such key), not yet in the shared
     * caches; an empty map outside transactions.
     */
    @SuppressWarnings("unchecked")
    private Map<Object, Key> pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new java.util.HashMap<>();
        }
        var map = (Map<Object, Key>) TransactionSynchronizationManager.getResource(this);
        if (map == null) {
            Map<Object, Key> created = new java.util.HashMap<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SubjectKeys.this);
                }
            });
            map = created;
        }
        return map;
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
