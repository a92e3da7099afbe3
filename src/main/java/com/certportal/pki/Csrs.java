package com.certportal.pki;

import com.certportal.catalog.Product;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.encoders.Hex;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * O2: reads a PKCS#10 CSR and checks it for a product before anything is stored. Structural
 * problems (not PEM, not a CSR, a signature that does not verify) stop at once; key and name
 * problems are all collected, so the user fixes everything in one go.
 */
public final class Csrs {

    /** O2: at most 250 names, the CSR's and the extra ones together. */
    public static final int MAX_NAMES = 250;

    /** An uploaded CSR file is PEM text; anything bigger than this is not a CSR. */
    public static final int MAX_UPLOAD_BYTES = 64 * 1024;

    static final int MAX_COMMON_NAME_LENGTH = 64;
    private static final int RSA_MIN_BITS = 2048;
    private static final int RSA_MIN_BITS_CODE_SIGNING = 3072;
    private static final int RSA_MAX_BITS = 8192;

    private static final Set<String> CSR_PEM_TYPES = Set.of("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST");
    private static final Pattern EXTRA_NAME_SEPARATORS = Pattern.compile("[,\\s]+");
    private static final Map<ASN1ObjectIdentifier, Integer> EC_CURVES =
            Map.of(X9ObjectIdentifiers.prime256v1, 256, SECObjectIdentifiers.secp384r1, 384);
    private static final Map<ASN1ObjectIdentifier, String> KEY_TYPE_NAMES = Map.of(
            X9ObjectIdentifiers.id_dsa, "DSA",
            EdECObjectIdentifiers.id_Ed25519, "Ed25519",
            EdECObjectIdentifiers.id_Ed448, "Ed448",
            PKCSObjectIdentifiers.id_RSASSA_PSS, "RSA-PSS");

    private Csrs() {}

    /** O2 for an uploaded file: PEM text, at most 64 KiB. */
    public static CheckedCsr check(byte[] upload, Product product) throws CsrRefused {
        if (upload.length > MAX_UPLOAD_BYTES) {
            throw CsrRefused.because(Problem.of(Problem.CSR, "csr.file-too-large", MAX_UPLOAD_BYTES / 1024));
        }
        return check(new String(upload, charsetOf(upload)), product);
    }

    /** PEM is ASCII; a file saved as UTF-16 (with its byte order mark) is read as such. */
    private static Charset charsetOf(byte[] upload) {
        boolean utf16 = upload.length >= 2
                && ((upload[0] == (byte) 0xFE && upload[1] == (byte) 0xFF)
                        || (upload[0] == (byte) 0xFF && upload[1] == (byte) 0xFE));
        return utf16 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8;
    }

    /** O2 for pasted PEM text. */
    public static CheckedCsr check(String pem, Product product) throws CsrRefused {
        PKCS10CertificationRequest request = parse(pem == null ? "" : pem);
        SubjectPublicKeyInfo keyInfo = request.getSubjectPublicKeyInfo();
        verifySignature(request, keyInfo);

        List<Problem> problems = new ArrayList<>();
        Key key = readKey(keyInfo, product, problems);
        Optional<String> subjectCommonName = commonNameOf(request);
        String commonName;
        List<String> names;
        if (carriesDnsNames(product)) {
            List<String> requested = new ArrayList<>();
            subjectCommonName.map(NameRules::normalize).ifPresent(requested::add);
            requested.addAll(subjectAlternativeNames(request, problems));
            names = List.copyOf(new LinkedHashSet<>(requested));
            if (names.isEmpty()) {
                commonName = "";
                problems.add(Problem.of(Problem.CSR, "csr.cn-missing"));
            } else {
                // O2: the CN is always one of the names; without a CN the first DNS name stands in.
                commonName = names.get(0);
                checkCommonNameLength(commonName, problems);
                for (String name : names) {
                    NameRules.check(name, product, Problem.CSR).ifPresent(problems::add);
                }
                checkCount(names.size(), Problem.CSR, problems);
            }
        } else {
            commonName = subjectCommonName.map(String::strip).orElse("");
            names = List.of();
            checkOrganizationName(commonName, problems);
        }
        if (!problems.isEmpty()) {
            throw new CsrRefused(problems);
        }
        return new CheckedCsr(commonName, names, key.publicKey(), key.algorithm(), key.size(), pemOf(request));
    }

    /**
     * O2 for the form's extra SANs (one a line or comma-separated, blanks ignored): the same name
     * rules, reported on the field {@code "sans"}; returns the CSR's names followed by the new ones.
     */
    public static List<String> checkExtraNames(String sansField, CheckedCsr csr, Product product) throws CsrRefused {
        List<String> extra = EXTRA_NAME_SEPARATORS
                .splitAsStream(sansField == null ? "" : sansField)
                .filter(name -> !name.isBlank())
                .map(NameRules::normalize)
                .toList();
        if (extra.isEmpty()) {
            return csr.names();
        }
        if (!carriesDnsNames(product)) {
            throw CsrRefused.because(Problem.of(Problem.SANS, "csr.extra-names-not-allowed"));
        }
        Set<String> merged = new LinkedHashSet<>(csr.names());
        List<Problem> problems = new ArrayList<>();
        for (String name : new LinkedHashSet<>(extra)) {
            if (merged.add(name)) {
                NameRules.check(name, product, Problem.SANS).ifPresent(problems::add);
            }
        }
        checkCount(merged.size(), Problem.SANS, problems);
        if (!problems.isEmpty()) {
            throw new CsrRefused(problems);
        }
        return List.copyOf(merged);
    }

    private static boolean carriesDnsNames(Product product) {
        return product.family() == Product.Family.SERVER || product.family() == Product.Family.PRIVATE;
    }

    private static PKCS10CertificationRequest parse(String text) {
        if (text.contains("PRIVATE KEY-----")) {
            // Never keep a private key a user pasted by mistake, not even to parse the rest.
            throw CsrRefused.because(Problem.of(Problem.CSR, "csr.private-key"));
        }
        PemObject pem;
        try (PemReader reader = new PemReader(new StringReader(text))) {
            pem = reader.readPemObject();
        } catch (IOException | RuntimeException notPem) {
            pem = null;
        }
        if (pem == null) {
            throw CsrRefused.because(Problem.of(Problem.CSR, "csr.not-pem"));
        }
        if (!CSR_PEM_TYPES.contains(pem.getType())) {
            throw CsrRefused.because(Problem.of(Problem.CSR, "csr.not-csr"));
        }
        try {
            PKCS10CertificationRequest request = new PKCS10CertificationRequest(pem.getContent());
            request.getRequestedExtensions(); // a malformed extension request is not a CSR either
            return request;
        } catch (IOException | RuntimeException notACsr) {
            throw CsrRefused.because(Problem.of(Problem.CSR, "csr.not-csr"));
        }
    }

    /** O2: the CSR is signed by the key it carries, or it is refused outright. */
    private static void verifySignature(PKCS10CertificationRequest request, SubjectPublicKeyInfo keyInfo) {
        boolean valid;
        try {
            valid = request.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .setProvider(BouncyCastle.PROVIDER)
                    .build(keyInfo));
        } catch (OperatorCreationException | PKCSException | RuntimeException cannotVerify) {
            valid = false;
        }
        if (!valid) {
            throw CsrRefused.because(Problem.of(Problem.CSR, "csr.signature-invalid"));
        }
    }

    private record Key(PublicKey publicKey, String algorithm, int size) {}

    /** O2: RSA 2048 to 8192 bits (3072 or more for code signing), or EC P-256 / P-384. */
    private static Key readKey(SubjectPublicKeyInfo keyInfo, Product product, List<Problem> problems) {
        ASN1ObjectIdentifier algorithm = keyInfo.getAlgorithm().getAlgorithm();
        if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            RSAPublicKey key = (RSAPublicKey) publicKey("RSA", keyInfo);
            int bits = key.getModulus().bitLength();
            if (product.family() == Product.Family.CODE_SIGNING && bits < RSA_MIN_BITS_CODE_SIGNING) {
                problems.add(Problem.of(Problem.CSR, "csr.rsa-too-small-code-signing", bits));
            } else if (bits < RSA_MIN_BITS) {
                problems.add(Problem.of(Problem.CSR, "csr.rsa-too-small", bits));
            } else if (bits > RSA_MAX_BITS) {
                problems.add(Problem.of(Problem.CSR, "csr.rsa-too-large", bits));
            }
            return new Key(key, "RSA", bits);
        }
        if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            ASN1Encodable parameters = keyInfo.getAlgorithm().getParameters();
            Integer size = parameters instanceof ASN1ObjectIdentifier curve ? EC_CURVES.get(curve) : null;
            if (size != null) {
                return new Key(publicKey("EC", keyInfo), "EC", size);
            }
            problems.add(Problem.of(Problem.CSR, "csr.key-unsupported", "EC " + curveName(parameters)));
            return new Key(null, "EC", 0);
        }
        String name = KEY_TYPE_NAMES.getOrDefault(algorithm, algorithm.getId());
        problems.add(Problem.of(Problem.CSR, "csr.key-unsupported", name));
        return new Key(null, name, 0);
    }

    private static String curveName(ASN1Encodable parameters) {
        if (!(parameters instanceof ASN1ObjectIdentifier curve)) {
            return "(explicit parameters)";
        }
        String name = NISTNamedCurves.getName(curve);
        if (name == null) {
            name = ECNamedCurveTable.getName(curve);
        }
        return name == null ? curve.getId() : name;
    }

    /** The JDK's own key object, so callers never see BouncyCastle types. */
    private static PublicKey publicKey(String algorithm, SubjectPublicKeyInfo keyInfo) {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(keyInfo.getEncoded()));
        } catch (GeneralSecurityException | IOException unreadable) {
            throw CsrRefused.because(Problem.of(Problem.CSR, "csr.not-csr"));
        }
    }

    private static Optional<String> commonNameOf(PKCS10CertificationRequest request) {
        RDN[] commonNames = request.getSubject().getRDNs(BCStyle.CN);
        if (commonNames.length == 0) {
            return Optional.empty();
        }
        ASN1Encodable value = commonNames[0].getFirst().getValue();
        String text = value instanceof ASN1String string ? string.getString() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    /** The SAN extension's DNS names, normalized; IP addresses and other types are problems. */
    private static List<String> subjectAlternativeNames(PKCS10CertificationRequest request, List<Problem> problems) {
        Extensions extensions = request.getRequestedExtensions();
        if (extensions == null || extensions.getExtension(Extension.subjectAlternativeName) == null) {
            return List.of();
        }
        GeneralNames names;
        try {
            names = GeneralNames.getInstance(
                    extensions.getExtension(Extension.subjectAlternativeName).getParsedValue());
        } catch (RuntimeException malformed) {
            throw CsrRefused.because(Problem.of(Problem.CSR, "csr.not-csr"));
        }
        List<String> dnsNames = new ArrayList<>();
        for (GeneralName name : names.getNames()) {
            switch (name.getTagNo()) {
                case GeneralName.dNSName ->
                    dnsNames.add(NameRules.normalize(((ASN1String) name.getName()).getString()));
                case GeneralName.iPAddress ->
                    problems.add(Problem.of(Problem.CSR, "csr.name-ip-address", ipAddress(name)));
                case GeneralName.rfc822Name, GeneralName.uniformResourceIdentifier ->
                    problems.add(Problem.of(
                            Problem.CSR, "csr.san-type-unsupported", ((ASN1String) name.getName()).getString()));
                default -> problems.add(Problem.of(Problem.CSR, "csr.san-type-unsupported", typeName(name)));
            }
        }
        return dnsNames;
    }

    private static String ipAddress(GeneralName name) {
        byte[] octets = ASN1OctetString.getInstance(name.getName()).getOctets();
        try {
            return InetAddress.getByAddress(octets).getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return Hex.toHexString(octets);
        }
    }

    private static String typeName(GeneralName name) {
        return switch (name.getTagNo()) {
            case GeneralName.otherName -> "otherName";
            case GeneralName.x400Address -> "x400Address";
            case GeneralName.directoryName -> "directoryName " + name.getName();
            case GeneralName.ediPartyName -> "ediPartyName";
            case GeneralName.registeredID -> "registeredID " + name.getName();
            default -> "GeneralName " + name.getTagNo();
        };
    }

    private static void checkCommonNameLength(String commonName, List<Problem> problems) {
        if (commonName.length() > MAX_COMMON_NAME_LENGTH) {
            problems.add(Problem.of(Problem.CSR, "csr.cn-too-long", commonName.length(), MAX_COMMON_NAME_LENGTH));
        }
    }

    /** Code and document signing: the CN names an organization or a person, 1-64 characters. */
    private static void checkOrganizationName(String commonName, List<Problem> problems) {
        if (commonName.isEmpty()) {
            problems.add(Problem.of(Problem.CSR, "csr.cn-missing-name"));
            return;
        }
        checkCommonNameLength(commonName, problems);
        if (commonName.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(Problem.of(Problem.CSR, "csr.cn-control-characters"));
        }
    }

    private static void checkCount(int count, String field, List<Problem> problems) {
        if (count > MAX_NAMES) {
            problems.add(Problem.of(field, "csr.too-many-names", count, MAX_NAMES));
        }
    }

    private static String pemOf(PKCS10CertificationRequest request) {
        try {
            return Profiles.pem("CERTIFICATE REQUEST", request.getEncoded());
        } catch (IOException cannotHappenInMemory) {
            throw new UncheckedIOException(cannotHappenInMemory);
        }
    }
}
