package com.certportal.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * I1: the CA keys, in a PKCS#12 file (the default; its password from the environment) or in a
 * PKCS#11 token (production, through the JDK's SunPKCS11 provider). A family missing from the
 * store is created at first start; one found whole is used unchanged; one found in part stops the
 * start, since silently replacing a CA would orphan every certificate it issued.
 *
 * <p>The private keys are read into {@link CaSigner}s (for PKCS#11 only handles to keys that stay
 * in the token) and go nowhere else: not to a log, not to the database.
 */
final class CaKeyStore {

    private static final Logger log = LoggerFactory.getLogger(CaKeyStore.class);
    private static final String EC_CURVE = "secp384r1";
    private static final int GENERATED_PASSWORD_BYTES = 32;

    /** A family's three keys, each with its certificate. */
    record Hierarchy(CaSigner root, CaSigner issuing, CaSigner responder) {}

    private CaKeyStore() {}

    /** Opens (and at first start fills) the configured store; {@code now} dates new CA certificates. */
    static Map<CaFamily, Hierarchy> open(CaProperties properties, PkiUrls urls, Instant now, SecureRandom random) {
        try {
            return switch (properties.keystoreType()) {
                case PKCS12 -> openFile(properties, urls, now, random);
                case PKCS11 -> openToken(properties, urls, now, random);
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The CA key store cannot be used: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("The CA key store cannot be read or written: " + e.getMessage(), e);
        }
    }

    private static Map<CaFamily, Hierarchy> openFile(
            CaProperties properties, PkiUrls urls, Instant now, SecureRandom random)
            throws GeneralSecurityException, IOException {
        Path file = properties.keystore();
        if (file == null) {
            throw new IllegalStateException("No CA key store file: set certportal.ca.keystore.");
        }
        file = file.toAbsolutePath();
        char[] password = filePassword(properties, file, random);
        KeyStore store = KeyStore.getInstance("PKCS12");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            } catch (IOException e) {
                if (e.getCause() instanceof UnrecoverableKeyException) {
                    throw new IllegalStateException(
                            "The CA key store " + file + " does not open with the configured password ("
                                    + CaProperties.PASSWORD_VARIABLE + ").",
                            e);
                }
                throw e;
            }
        } else {
            store.load(null, null);
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(EC_CURVE), random);
        CaHierarchyGenerator hierarchies = new CaHierarchyGenerator(urls, generator::generateKeyPair, null, random);
        if (createMissing(store, password, hierarchies, now, "file " + file)) {
            write(store, file, password);
        }
        return read(store, password, null);
    }

    private static Map<CaFamily, Hierarchy> openToken(
            CaProperties properties, PkiUrls urls, Instant now, SecureRandom random)
            throws GeneralSecurityException, IOException {
        if (properties.pkcs11Config() == null) {
            throw new IllegalStateException(
                    "certportal.ca.keystore-type=PKCS11 needs certportal.ca.pkcs11-config (a SunPKCS11 configuration file).");
        }
        if (!properties.hasPassword()) {
            throw new IllegalStateException("The CA token needs its PIN: set the environment variable "
                    + CaProperties.PASSWORD_VARIABLE + " (property certportal.ca.keystore-password).");
        }
        Path config = properties.pkcs11Config().toAbsolutePath();
        if (!Files.isReadable(config)) {
            throw new IllegalStateException("The PKCS#11 configuration " + config + " cannot be read.");
        }
        Provider sunPkcs11 = Security.getProvider("SunPKCS11");
        if (sunPkcs11 == null) {
            throw new IllegalStateException(
                    "This JDK has no SunPKCS11 provider for certportal.ca.keystore-type=PKCS11.");
        }
        Provider token = sunPkcs11.configure(config.toString());
        KeyStore store = KeyStore.getInstance("PKCS11", token);
        store.load(null, properties.keystorePassword().toCharArray());
        // The keys are made by the token, so they are born in it and never exist outside.
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", token);
        generator.initialize(new ECGenParameterSpec(EC_CURVE), random);
        CaHierarchyGenerator hierarchies = new CaHierarchyGenerator(urls, generator::generateKeyPair, token, random);
        createMissing(store, null, hierarchies, now, "token " + token.getName());
        return read(store, null, token);
    }

    /** I1: creates the families the store does not hold; true when it created any. */
    private static boolean createMissing(
            KeyStore store, char[] keyPassword, CaHierarchyGenerator hierarchies, Instant now, String where)
            throws GeneralSecurityException {
        boolean created = false;
        for (CaFamily family : CaFamily.values()) {
            List<String> aliases =
                    List.of(CaAliases.root(family), CaAliases.issuing(family), CaAliases.responder(family));
            int present = 0;
            for (String alias : aliases) {
                if (store.isKeyEntry(alias)) {
                    present++;
                }
            }
            if (present == aliases.size()) {
                continue;
            }
            if (present > 0) {
                throw new IllegalStateException("The CA key store (" + where + ") holds only part of the " + family
                        + " CA (entries " + aliases + "); restore it from a backup.");
            }
            for (CaHierarchyGenerator.Entry entry : hierarchies.generate(family, now)) {
                store.setKeyEntry(entry.alias(), entry.key(), keyPassword, entry.chain());
            }
            log.info(
                    "Created the {} CA in the key store ({}): {}",
                    family,
                    where,
                    ((X509Certificate) store.getCertificate(CaAliases.issuing(family))).getSubjectX500Principal());
            created = true;
        }
        return created;
    }

    private static Map<CaFamily, Hierarchy> read(KeyStore store, char[] keyPassword, Provider provider)
            throws GeneralSecurityException {
        Map<CaFamily, Hierarchy> families = new EnumMap<>(CaFamily.class);
        for (CaFamily family : CaFamily.values()) {
            families.put(
                    family,
                    new Hierarchy(
                            signer(store, CaAliases.root(family), keyPassword, provider),
                            signer(store, CaAliases.issuing(family), keyPassword, provider),
                            signer(store, CaAliases.responder(family), keyPassword, provider)));
        }
        return families;
    }

    private static CaSigner signer(KeyStore store, String alias, char[] keyPassword, Provider provider)
            throws GeneralSecurityException {
        PrivateKey key = (PrivateKey) store.getKey(alias, keyPassword);
        Certificate certificate = store.getCertificate(alias);
        if (key == null || !(certificate instanceof X509Certificate x509)) {
            throw new IllegalStateException("The CA key store has no usable entry " + alias + ".");
        }
        return new CaSigner(key, x509, provider);
    }

    /**
     * The password from the environment; for the demo only, a random one kept next to the key
     * store (owner-only where the file system has POSIX permissions) and reused on later starts.
     */
    private static char[] filePassword(CaProperties properties, Path keystore, SecureRandom random) throws IOException {
        if (properties.hasPassword()) {
            return properties.keystorePassword().toCharArray();
        }
        if (!properties.generatePassword()) {
            throw new IllegalStateException("The CA key store needs a password: set the environment variable "
                    + CaProperties.PASSWORD_VARIABLE + " (property certportal.ca.keystore-password).");
        }
        Path passwordFile = passwordFile(keystore);
        if (Files.exists(passwordFile)) {
            return Files.readString(passwordFile, StandardCharsets.US_ASCII)
                    .strip()
                    .toCharArray();
        }
        if (Files.exists(keystore)) {
            throw new IllegalStateException("The CA key store " + keystore + " exists but its password file "
                    + passwordFile + " does not: set the environment variable " + CaProperties.PASSWORD_VARIABLE
                    + ".");
        }
        byte[] secret = new byte[GENERATED_PASSWORD_BYTES];
        random.nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        createPrivateDirectory(passwordFile.getParent());
        Path temporary = createPrivateFile(passwordFile.getParent(), "ca-keystore", ".password.tmp");
        Files.writeString(temporary, password + "\n", StandardCharsets.US_ASCII);
        Files.move(temporary, passwordFile, StandardCopyOption.ATOMIC_MOVE);
        log.info("Generated a password for the demo CA key store in {}", passwordFile);
        return password.toCharArray();
    }

    /** {@code ca-keystore.p12} keeps its password in {@code ca-keystore.password}. */
    static Path passwordFile(Path keystore) {
        String name = keystore.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return keystore.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".password");
    }

    /** Written whole or not at all: a crash never leaves half a key store. */
    private static void write(KeyStore store, Path file, char[] password) throws IOException, GeneralSecurityException {
        createPrivateDirectory(file.getParent());
        Path temporary = createPrivateFile(file.getParent(), "ca-keystore", ".p12.tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, password);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (posix(parent)) {
            Files.createDirectory(
                    directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(directory);
        }
    }

    private static Path createPrivateFile(Path directory, String prefix, String suffix) throws IOException {
        FileAttribute<?>[] ownerOnly = posix(directory)
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
        return Files.createTempFile(directory, prefix, suffix, ownerOnly);
    }

    private static boolean posix(Path existing) throws IOException {
        return existing != null && Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class);
    }
}
