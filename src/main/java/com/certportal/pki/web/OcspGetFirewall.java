package com.certportal.pki.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * D2, RFC 6960 A.1: Spring Security's strict firewall for every request, except that an OCSP GET
 * ({@code /pki/ocsp/{family}/} and a base64 request, URL-encoded or not) may hold %2F, "//" and the
 * "%" that Tomcat leaves in place of an undecoded %2F ({@link OcspGetSupport}). Only URIs made of
 * base64 characters and the escapes %2B, %2F and %3D qualify, so no dot, no other escape and no other
 * path gets the relaxed checks.
 */
public final class OcspGetFirewall implements HttpFirewall {

    private static final Pattern OCSP_GET = Pattern.compile("/pki/ocsp/[a-z-]+/(?:[A-Za-z0-9+/=_-]|%2[BbFf]|%3[Dd])+");

    private final StrictHttpFirewall strict = new StrictHttpFirewall();
    private final StrictHttpFirewall ocspGet = new StrictHttpFirewall();

    public OcspGetFirewall() {
        ocspGet.setAllowUrlEncodedSlash(true);
        ocspGet.setAllowUrlEncodedDoubleSlash(true);
        ocspGet.setAllowUrlEncodedPercent(true);
    }

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
        return isOcspGet(request) ? ocspGet.getFirewalledRequest(request) : strict.getFirewalledRequest(request);
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }

    static boolean isOcspGet(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return false;
        }
        String uri = request.getRequestURI();
        String context = request.getContextPath() == null ? "" : request.getContextPath();
        return uri != null
                && uri.startsWith(context)
                && OCSP_GET.matcher(uri.substring(context.length())).matches();
    }
}
