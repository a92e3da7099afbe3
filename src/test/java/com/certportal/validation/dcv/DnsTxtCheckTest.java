package com.certportal.validation.dcv;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.support.LocalDnsServer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** V1 DNS method against a local DNS server. */
class DnsTxtCheckTest {

    private static final String NAME = "www.example.com";
    private static final String RECORD = "_dnsauth.www.example.com";
    private static final String TOKEN = "3b7e1d9a0c5f4e2b8d6a1f0e9c7b5a43";

    private final LocalDnsServer dns = LocalDnsServer.start();
    private final DnsTxtCheck check = checkAsking(dns.address(), Duration.ofSeconds(2));

    @AfterEach
    void stopServer() {
        dns.stop();
    }

    @Test
    void aTxtRecordHoldingTheTokenPasses() {
        dns.addTxt(RECORD, TOKEN);

        assertThat(check.check(NAME, TOKEN)).isEqualTo(CheckResult.pass());
        assertThat(DnsTxtCheck.recordName(NAME)).isEqualTo(RECORD);
    }

    @Test
    void aRecordJustAddedIsSeenAtTheNextCheck() {
        assertThat(check.check(NAME, TOKEN).outcomeKey()).isEqualTo(CheckResult.NOT_FOUND);

        dns.addTxt(RECORD, TOKEN);

        assertThat(check.check(NAME, TOKEN).passed()).isTrue();
    }

    @Test
    void oneOfSeveralTxtRecordsHoldingTheTokenPasses() {
        dns.addTxt(RECORD, "v=spf1 -all").addTxt(RECORD, " " + TOKEN + " ");

        assertThat(check.check(NAME, TOKEN).passed()).isTrue();
    }

    @Test
    void aTokenSplitAcrossTheStringsOfOneRecordPasses() {
        dns.addTxtStrings(RECORD, List.of(TOKEN.substring(0, 10), TOKEN.substring(10)));

        assertThat(check.check(NAME, TOKEN).passed()).isTrue();
    }

    @Test
    void aTxtRecordWithAnotherValueIsWrongContent() {
        dns.addTxt(RECORD, "an-old-token");

        assertThat(check.check(NAME, TOKEN)).isEqualTo(CheckResult.fail(CheckResult.WRONG_CONTENT));
    }

    @Test
    void anUnknownNameIsNotFound() {
        dns.addTxt("_dnsauth.other.example", TOKEN);

        assertThat(check.check(NAME, TOKEN)).isEqualTo(CheckResult.fail(CheckResult.NOT_FOUND));
    }

    @Test
    void aNameWithNoTxtRecordIsNotFound() {
        dns.addTxt("below." + RECORD, TOKEN); // the name exists, holding no TXT itself

        assertThat(check.check(NAME, TOKEN)).isEqualTo(CheckResult.fail(CheckResult.NOT_FOUND));
    }

    @Test
    void aWildcardIsCheckedOnItsBaseDomain() {
        dns.addTxt("_dnsauth.example.com", TOKEN);

        assertThat(check.check("*.example.com", TOKEN).passed()).isTrue();
        assertThat(DnsTxtCheck.recordName("*.example.com")).isEqualTo("_dnsauth.example.com");
    }

    @Test
    void anAnswerTooLongForUdpIsFetchedOverTcp() {
        for (int i = 0; i < 20; i++) {
            dns.addTxt(RECORD, "filler-record-number-" + i + "-".repeat(20));
        }
        dns.addTxt(RECORD, TOKEN);

        assertThat(check.check(NAME, TOKEN).passed()).isTrue();
        assertThat(dns.tcpQueries()).isEqualTo(1);
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws SocketException {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            DnsTxtCheck silentCheck = checkAsking("127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(800));

            long started = System.nanoTime();
            CheckResult result = silentCheck.check(NAME, TOKEN);

            assertThat(result).isEqualTo(CheckResult.fail(CheckResult.TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aPortWithNoServerIsUnreachable() throws SocketException {
        int closedPort;
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            closedPort = socket.getLocalPort();
        }

        CheckResult result =
                checkAsking("127.0.0.1:" + closedPort, Duration.ofMillis(800)).check(NAME, TOKEN);

        assertThat(result).isEqualTo(CheckResult.fail(CheckResult.UNREACHABLE));
    }

    private static DnsTxtCheck checkAsking(String server, Duration timeout) {
        return new DnsTxtCheck(
                new ValidationProperties(80, List.of(), server, Duration.ofSeconds(1), Duration.ofSeconds(1), timeout));
    }
}
