package io.replicator.kube.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.crd.generator.annotation.PrinterColumnFormat;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** One bucket-sync job's custom resource: spec mirrors its configuration, status its runs. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Plural("bucketsyncs")
@AdditionalPrinterColumn(name = "Source", type = Type.STRING, format = PrinterColumnFormat.NONE, jsonPath = ".spec.source")
@AdditionalPrinterColumn(name = "Destination", type = Type.STRING, format = PrinterColumnFormat.NONE, jsonPath = ".spec.destination")
@AdditionalPrinterColumn(name = "Last sync", type = Type.STRING, format = PrinterColumnFormat.DATE_TIME, jsonPath = ".status.lastSyncTime")
@AdditionalPrinterColumn(name = "Duration", type = Type.STRING, format = PrinterColumnFormat.NONE, jsonPath = ".status.lastSyncDuration")
@AdditionalPrinterColumn(name = "Next sync", type = Type.STRING, format = PrinterColumnFormat.DATE_TIME, jsonPath = ".status.nextSyncTime")
@AdditionalPrinterColumn(name = "Result", type = Type.STRING, format = PrinterColumnFormat.NONE, jsonPath = ".status.latestMoverStatus.result")
public class BucketSync extends CustomResource<BucketSyncSpec, BucketSyncStatus> implements Namespaced {
    @Override
    @JsonPropertyDescription("Mirrors replicator.bucket-sync.<job>.* (the properties file is the source of truth).")
    public BucketSyncSpec getSpec() {
        return super.getSpec();
    }
}
