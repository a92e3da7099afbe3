package com.certportal.support;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * An authoritative-looking DNS server on 127.0.0.1 (random port, UDP and TCP on the same port) that
 * answers TXT questions from a map, for the V1 DNS method. Point the check at it with
 * {@code certportal.validation.dns-server=address()}.
 *
 * <p>A name with TXT values answers them; a name with none but with names below it answers NOERROR
 * with no records (an empty non-terminal); anything else is NXDOMAIN. Nothing is cached: a value
 * added is in the next answer.
 */
public final class LocalDnsServer implements AutoCloseable {

    private static final int UDP_PAYLOAD = 512;
    private static final long TTL = 60;

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Map<Name, List<List<String>>> txt = new ConcurrentHashMap<>();
    private final AtomicInteger tcpQueries = new AtomicInteger();
    private volatile boolean running = true;

    private LocalDnsServer(DatagramSocket udp, ServerSocket tcp) {
        this.udp = udp;
        this.tcp = tcp;
    }

    /** Binds UDP on a free port, then TCP on the same one (another port if TCP's is taken). */
    public static LocalDnsServer start() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 20; attempt++) {
            DatagramSocket udp = null;
            try {
                udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
                ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 50, loopback);
                LocalDnsServer server = new LocalDnsServer(udp, tcp);
                server.startThreads();
                return server;
            } catch (BindException e) {
                if (udp != null) {
                    udp.close();
                }
            } catch (IOException e) {
                if (udp != null) {
                    udp.close();
                }
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no port free for both UDP and TCP on 127.0.0.1");
    }

    public int port() {
        return udp.getLocalPort();
    }

    /** {@code 127.0.0.1:port}, the value for {@code certportal.validation.dns-server}. */
    public String address() {
        return udp.getLocalAddress().getHostAddress() + ":" + port();
    }

    /** Adds one TXT record (one string) at {@code name}, e.g. {@code _dnsauth.example.com}. */
    public LocalDnsServer addTxt(String name, String value) {
        return addTxtStrings(name, List.of(value));
    }

    /** Adds one TXT record made of several strings, as a long value is published. */
    public LocalDnsServer addTxtStrings(String name, List<String> strings) {
        txt.computeIfAbsent(nameOf(name), n -> new CopyOnWriteArrayList<>()).add(List.copyOf(strings));
        return this;
    }

    /** How many queries came over TCP (a client retries there after a truncated UDP answer). */
    public int tcpQueries() {
        return tcpQueries.get();
    }

    public void removeTxt(String name) {
        txt.remove(nameOf(name));
    }

    public void clear() {
        txt.clear();
    }

    public void stop() {
        running = false;
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // closing; nothing to do
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void startThreads() {
        Thread udpThread = new Thread(this::serveUdp, "local-dns-udp-" + port());
        udpThread.setDaemon(true);
        udpThread.start();
        Thread tcpThread = new Thread(this::serveTcp, "local-dns-tcp-" + port());
        tcpThread.setDaemon(true);
        tcpThread.start();
    }

    private void serveUdp() {
        byte[] buffer = new byte[UDP_PAYLOAD * 8];
        while (running) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
                byte[] query = Arrays.copyOf(packet.getData(), packet.getLength());
                byte[] answer = answer(query).toWire(UDP_PAYLOAD); // sets TC when it does not fit
                udp.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (SocketException e) {
                return; // closed by stop()
            } catch (IOException e) {
                // a malformed query: drop it, as a server would
            }
        }
    }

    private void serveTcp() {
        while (running) {
            try (Socket connection = tcp.accept()) {
                DataInputStream in = new DataInputStream(connection.getInputStream());
                DataOutputStream out = new DataOutputStream(connection.getOutputStream());
                while (true) {
                    byte[] query = new byte[in.readUnsignedShort()];
                    in.readFully(query);
                    tcpQueries.incrementAndGet();
                    byte[] answer = answer(query).toWire();
                    out.writeShort(answer.length);
                    out.write(answer);
                    out.flush();
                }
            } catch (EOFException e) {
                // the client is done with this connection
            } catch (IOException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    private Message answer(byte[] wire) throws IOException {
        Message query = new Message(wire);
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        Record question = query.getQuestion();
        if (question == null) {
            response.getHeader().setRcode(Rcode.FORMERR);
            return response;
        }
        response.addRecord(question, Section.QUESTION);
        Name name = question.getName();
        List<List<String>> values = txt.get(name);
        if (values == null || values.isEmpty()) {
            boolean hasNamesBelow = txt.keySet().stream().anyMatch(n -> n.subdomain(name));
            response.getHeader().setRcode(hasNamesBelow ? Rcode.NOERROR : Rcode.NXDOMAIN);
            return response;
        }
        if (question.getType() == Type.TXT || question.getType() == Type.ANY) {
            for (List<String> strings : values) {
                response.addRecord(new TXTRecord(name, DClass.IN, TTL, strings), Section.ANSWER);
            }
        }
        return response;
    }

    private static Name nameOf(String name) {
        try {
            return Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + name, e);
        }
    }
}
