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

/** One volume-destination job's custom resource, with VolSync's ReplicationDestination field names. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Plural("replicationdestinations")
@AdditionalPrinterColumn(name = "Latest image", type = Type.STRING, format = PrinterColumnFormat.NONE, jsonPath = ".status.latestImage.name")
@AdditionalPrinterColumn(name = "Last sync", type = Type.STRING, format = PrinterColumnFormat.DATE_TIME, jsonPath = ".status.lastSyncTime")
@AdditionalPrinterColumn(name = "Duration", type = Type.STRING, format = PrinterColumnFormat.NONE, jsonPath = ".status.lastSyncDuration")
@AdditionalPrinterColumn(name = "Next sync", type = Type.STRING, format = PrinterColumnFormat.DATE_TIME, jsonPath = ".status.nextSyncTime")
@AdditionalPrinterColumn(name = "Result", type = Type.STRING, format = PrinterColumnFormat.NONE, jsonPath = ".status.latestMoverStatus.result")
public class ReplicationDestination extends CustomResource<ReplicationDestinationSpec, ReplicationDestinationStatus> implements Namespaced {
    @Override
    @JsonPropertyDescription("VolSync-compatible field names; mirrors replicator.volume-destination.<job>.*.")
    public ReplicationDestinationSpec getSpec() {
        return super.getSpec();
    }
}
