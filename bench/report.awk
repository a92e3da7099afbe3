# bench/run's report: medians over the rounds of raw.tsv, ratios, starts and RSS (see bench/run).
function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    if (n == 0) return "NA"
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
NR == 1 { next }
{
    key = $1 SUBSEP $2 SUBSEP $3 SUBSEP $4
    p50[key] = p50[key] " " $5; p95[key] = p95[key] " " $6; rps[key] = rps[key] " " $7; bad[key] += $8
    if (!(($2 SUBSEP $3 SUBSEP $4) in seen)) { seen[$2 SUBSEP $3 SUBSEP $4] = 1; order[++rows] = $2 SUBSEP $3 SUBSEP $4 }
    split($9, la, " "); if (!($1 in lmin) || la[1] + 0 < lmin[$1] + 0) lmin[$1] = la[1]; if (la[1] + 0 > lmax[$1] + 0) lmax[$1] = la[1]
}
END {
    n = split(sizes, size, " ")
    while ((getline line < machine) > 0) print "- " line
    print ""
    print "Server time (ms, Tomcat access log), one request at a time; median of the rounds."
    print ""
    header = "| page |"; rule = "|---|"
    for (i = 1; i <= n; i++) { header = header " p50 at " size[i] " | p95 at " size[i] " |"; rule = rule "---|---|" }
    if (n == 2) { header = header " p95 ratio |"; rule = rule "---|" }
    print header; print rule
    for (r = 1; r <= rows; r++) {
        split(order[r], k, SUBSEP); if (k[2] != "latency") continue
        line = "| " k[1] " |"
        for (i = 1; i <= n; i++) {
            key = size[i] SUBSEP order[r]
            m95[i] = median(p95[key])
            line = line " " median(p50[key]) " | " m95[i] (bad[key] ? " (" bad[key] " non-200!)" : "") " |"
        }
        if (n == 2) line = line " " (m95[1] > 0 ? sprintf("%.2f", m95[2] / m95[1]) : "NA") " |"
        print line
    }
    print ""
    print "Throughput (requests/s, wrk 2 threads, 16 connections), alternating; median of the rounds."
    print ""
    print "| size | order list | petclinic owners list | ratio | order page | petclinic owner page | ratio | list p95 under load (ms) | order page p95 under load (ms) |"
    print "|---|---|---|---|---|---|---|---|---|"
    for (i = 1; i <= n; i++) {
        s = size[i]
        l = median(rps[s SUBSEP "order list, first page" SUBSEP "throughput" SUBSEP "portal"])
        pl = median(rps[s SUBSEP "petclinic owners list" SUBSEP "throughput" SUBSEP "petclinic"])
        o = median(rps[s SUBSEP "order page" SUBSEP "throughput" SUBSEP "portal"])
        po = median(rps[s SUBSEP "petclinic owner page" SUBSEP "throughput" SUBSEP "petclinic"])
        printf "| %s | %s | %s | %.2f | %s | %s | %.2f | %s | %s |\n", s, l, pl, l / pl, o, po, o / po,
            median(p95[s SUBSEP "order list, first page" SUBSEP "throughput" SUBSEP "portal"]),
            median(p95[s SUBSEP "order page" SUBSEP "throughput" SUBSEP "portal"])
    }
    print ""
    print "| size | portal start to first 200 (ms) | petclinic (ms) | ratio | portal RSS after load (MiB) | petclinic (MiB) | ratio | load average at the end |"
    print "|---|---|---|---|---|---|---|---|"
    while ((getline line < starts) > 0) {
        split(line, f, "\t")
        printf "| %s | %s | %s | %.2f | %s | %s | %.2f | %s |\n", f[1], f[2], f[3], f[2] / f[3], f[4], f[5], f[4] / f[5], f[6]
    }
    print ""
    for (i = 1; i <= n; i++) print "1-minute load average during the " size[i] " measurements: " lmin[size[i]] " to " lmax[size[i]] " (2 cores)"
}
