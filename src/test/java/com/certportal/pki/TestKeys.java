package com.certportal.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAPrivateKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keys made at run time for the tests, once per JVM; never written to the repository. */
public final class TestKeys {

    private static final Map<String, KeyPair> MADE = new ConcurrentHashMap<>();
    private static final BigInteger E = BigInteger.valueOf(65_537);
    private static final int LARGEST_GENERATED_RSA = 4096;
    private static final int PRIME_BITS = 512;

    private TestKeys() {}

    /**
     * An RSA key whose modulus has exactly {@code bits} bits. Up to 4096 bits the JDK makes it;
     * above, generating 8192-bit keys takes long, so the modulus is a product of many 512-bit
     * primes (multi-prime RSA): a real key pair whose signatures verify, made in milliseconds.
     */
    public static KeyPair rsa(int bits) {
        return MADE.computeIfAbsent(
                "RSA" + bits, k -> bits <= LARGEST_GENERATED_RSA ? generated(bits) : multiPrime(bits));
    }

    public static KeyPair ec(String curve) {
        return MADE.computeIfAbsent(curve, k -> {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec(curve));
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static KeyPair of(String algorithm, int size) {
        return MADE.computeIfAbsent(algorithm + size, k -> {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
                if (size > 0) {
                    generator.initialize(size);
                }
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static KeyPair generated(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair multiPrime(int bits) {
        SecureRandom random = new SecureRandom();
        while (true) {
            BigInteger modulus = BigInteger.ONE;
            BigInteger lambda = BigInteger.ONE;
            while (bits - modulus.bitLength() > 2 * PRIME_BITS) {
                BigInteger prime = prime(PRIME_BITS, random);
                modulus = modulus.multiply(prime);
                lambda = lcm(lambda, prime.subtract(BigInteger.ONE));
            }
            BigInteger last = prime(bits - modulus.bitLength(), random);
            BigInteger candidate = modulus.multiply(last);
            if (candidate.bitLength() != bits) {
                continue;
            }
            lambda = lcm(lambda, last.subtract(BigInteger.ONE));
            BigInteger d = E.modInverse(lambda);
            try {
                KeyFactory factory = KeyFactory.getInstance("RSA");
                return new KeyPair(
                        factory.generatePublic(new RSAPublicKeySpec(candidate, E)),
                        factory.generatePrivate(new RSAPrivateKeySpec(candidate, d)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static BigInteger prime(int bits, SecureRandom random) {
        BigInteger prime;
        do {
            prime = BigInteger.probablePrime(bits, random);
        } while (!prime.subtract(BigInteger.ONE).gcd(E).equals(BigInteger.ONE));
        return prime;
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }
}
