package com.certportal.order;

import com.certportal.action.NotFound;
import jakarta.persistence.EntityManager;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Public numbers for orders and certificates, drawn from database sequences. */
@Component
public class OrderNumbers {

    /** An order number is eight digits. */
    private static final Pattern ORDER_NUMBER = Pattern.compile("[0-9]{8}");

    private final EntityManager entityManager;

    OrderNumbers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public static boolean isWellFormed(String orderNumber) {
        return orderNumber != null && ORDER_NUMBER.matcher(orderNumber).matches();
    }

    /**
     * An order number from a URL's path, checked before anything is looked up. Anything else there names
     * no order: "no such order" (404, issue 9), the same answer as an unknown or invisible number.
     */
    public static String wellFormed(String orderNumber) {
        if (!isWellFormed(orderNumber)) {
            throw new NotFound("order (malformed number)");
        }
        return orderNumber;
    }

    public String nextOrderNumber() {
        return String.valueOf(next("order_number_seq"));
    }

    public String nextCertificateId() {
        return String.valueOf(next("certificate_id_seq"));
    }

    /** P6, O3: a hardware token bought with an order gets the next number. */
    public String nextHardwareTokenSerial() {
        return "HWT-" + next("hardware_token_serial_seq");
    }

    public String nextSerialNumber() {
        // Unique (a sequence) yet spread like a CA's random serials: two odd-multiplier mixes of it.
        long n = next("certificate_serial_seq");
        return String.format("%016X%016X", (n * 0x9E3779B97F4A7C15L) & Long.MAX_VALUE, n * 0xC2B2AE3D27D4EB4FL);
    }

    private long next(String sequence) {
        return ((Number) entityManager
                        .createNativeQuery("select nextval('" + sequence + "')")
                        .getSingleResult())
                .longValue();
    }
}
