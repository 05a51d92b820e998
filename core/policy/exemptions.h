#pragma once

#include "model/workload.h"

namespace deadbolt::policy {

// Reads the annotations other tools use to exempt an object from their read-only root
// filesystem check, exactly as each tool's source reads them, so that Deadbolt honours the
// same decision (read in: kube-linter 35de568 pkg/ignore/ignore.go; Polaris c0e23a2
// pkg/validator/schema.go; Checkov 3.3.13 kubernetes_utils.get_skipped_checks; kube-score
// 06dedc9 scorecard/enabled.go; @monokle/validation 0.33.0 AnnotationSuppressor.ts):
//   kube-linter  ignore-check.kube-linter.io/no-read-only-root-fs, kube-linter.io/ignore-all:
//                the key alone, any value (even "false")
//   Polaris      polaris.fairwinds.com/exempt, polaris.fairwinds.com/notReadOnlyRootFilesystem-exempt:
//                "true" in any case
//   Checkov      a key containing checkov.io/skip (bridgecrew.io/skip, cortex.io/skip):
//                CKV_K8S_22 or CKV_K8S_22=<reason>
//   kube-score   kube-score/ignore: container-security-context-readonlyrootfilesystem[,...], on
//                the pod template first (where kube-score/enable wins over the object's ignore)
//   Monokle      monokle.io/suppress.KSV014 | .ksv.no-writable-fs | .ksv014 (and KBP102 alike):
//                the first present decides; any value but "" and "false"
// objectAnnotations is the object's metadata.annotations, templateAnnotations its pod
// template's, as the reader recorded them (Workload). Only kube-score reads the template.
Exemption findExemption(const QVector<AnnotationFact> &objectAnnotations,
                        const QVector<AnnotationFact> &templateAnnotations = {});

} // namespace deadbolt::policy
