# Debian packages of the install() rules (packaging/CMakeLists.txt): `scripts/package`, or
# `cmake --build build --target package`, writes deadbolt-cli_<version>_<arch>.deb and
# deadbolt_<version>_<arch>.deb into build/. The version is project(VERSION); the
# dependencies are read from the binaries by dpkg-shlibdeps, not listed here.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME deadbolt)
set(CPACK_PACKAGE_VENDOR Deadbolt)
set(CPACK_PACKAGE_CONTACT ${DEADBOLT_PACKAGE_MAINTAINER})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})

set(CPACK_DEBIAN_CLI_PACKAGE_NAME deadbolt-cli)
# Each package's first description line is its own synopsis: an empty summary keeps CPack
# from putting project(DESCRIPTION) above both.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
set(CPACK_COMPONENT_CLI_DESCRIPTION "checker for immutable container deployments
deadbolt-cli reports, for every Docker Compose service and Kubernetes
container, whether its root filesystem is read-only and which paths stay
writable, in memory or on disk (check, as text, JSON or SARIF); makes
workloads read-only or adds in-memory paths while keeping the rest of the
file's text (fix); and shows what a change does to each workload's
immutability (diff), for CI and reviews.")
set(CPACK_COMPONENTS_ALL cli)
if(TARGET deadbolt)
    set(CPACK_DEBIAN_GUI_PACKAGE_NAME deadbolt)
    set(CPACK_DEBIAN_GUI_PACKAGE_SECTION editors)
    set(CPACK_COMPONENT_GUI_DESCRIPTION "editor for immutable container deployments
Deadbolt opens Docker Compose and Kubernetes files and shows, for every service
or container, whether its root filesystem is read-only and which paths stay
writable. It makes a workload read-only or adds an in-memory writable path with
one click, and saves YAML that differs from the original only where the edit
had to change it.")
    # The welcome page opens the samples, which deadbolt-cli's package holds.
    set(CPACK_COMPONENT_GUI_DEPENDS cli)
    list(APPEND CPACK_COMPONENTS_ALL gui)
endif()
include(CPack)
