package io.replicator.testing;

import java.nio.file.Path;

/** ceph.conf of the single-node test cluster ({@link CephRgw}). */
final class CephConf {
    private CephConf() {
    }

    static String text(Path dir, String fsid, int monPort, int bindMin, int bindMax, int rgwPort) {
        String d = dir.toString();
        return """
                [global]
                fsid = %s
                mon host = v2:127.0.0.1:%d
                mon initial members = a
                public network = 127.0.0.0/8
                cluster network = 127.0.0.0/8
                ms bind msgr1 = false
                ms bind port min = %d
                ms bind port max = %d
                auth cluster required = none
                auth service required = none
                auth client required = none
                auth supported = none
                # with auth none the default "secure" mode still needs cephx: radosgw would hang 300 s
                ms mon client mode = crc
                ms mon service mode = crc
                ms mon cluster mode = crc
                ms client mode = crc
                ms service mode = crc
                ms cluster mode = crc
                run dir = %s/run
                admin socket = %s/run/$name.asok
                log file = %s/log/$name.log
                pid file = %s/run/$name.pid
                keyring = %s/keyring
                osd pool default size = 1
                osd pool default min size = 1
                mon allow pool size one = true
                mon warn on pool no redundancy = false
                osd crush chooseleaf type = 0
                osd pool default pg num = 8
                osd pool default pgp num = 8
                osd pool default pg autoscale mode = off
                mon data avail warn = 1
                mon data avail crit = 0
                [mon.a]
                mon data = %s/mon
                [osd.0]
                osd data = %s/osd
                osd objectstore = memstore
                memstore device bytes = 4294967296
                [client.rgw]
                rgw data = %s/rgw
                rgw frontends = beast endpoint=127.0.0.1:%d
                # one "beast:" line per request
                debug rgw = 1
                # SSE-C over plain http (tests only) and SSE-KMS with RGW's test backend: key id testkey-1
                rgw crypt require ssl = false
                rgw crypt s3 kms backend = testing
                rgw crypt s3 kms encryption keys = testkey-1=YmluCmJvb3N0CmJvb3N0LWJ1aWxkCmNlcGguY29uZgo= testkey-2=aWIKTWFrZWZpbGUKbWFuCm91dApzcmMKVGVzdGluZwo=
                """.formatted(fsid, monPort, bindMin, bindMax, d, d, d, d, d, d, d, d, rgwPort);
    }
}
