#pragma once

#include "model/workload.h"
#include "yaml/yamltree.h"

namespace deadbolt::policy {

// Reads the annotations other tools use to exempt an object from their read-only root
// filesystem check, so that Deadbolt honours the same decision:
//   kube-linter  ignore-check.kube-linter.io/no-read-only-root-fs: "<reason>",
//                kube-linter.io/ignore-all
//   Polaris      polaris.fairwinds.com/exempt: "true",
//                polaris.fairwinds.com/notReadOnlyRootFilesystem-exempt: "true"
//   Checkov      checkov.io/skip<N>: CKV_K8S_22=<reason>
//   kube-score   kube-score/ignore: container-security-context-readonlyrootfilesystem[,...]
//   Monokle      monokle.io/suppress.KSV014, monokle.io/suppress.ope.no-writable-fs
// `annotations` is the object's metadata.annotations mapping (NoNode or anything else: none).
Exemption findExemption(const yaml::Document &doc, yaml::NodeId annotations);

} // namespace deadbolt::policy
