# Writes deadboltversion.h: project(VERSION) plus the git commit the tree was built from.
# Run at every build (cmake -P, from the deadbolt_version target) rather than at configure
# time, so a new commit shows in --version without reconfiguring; configure_file leaves the
# header untouched when nothing changed, so only the two main.cpp files ever rebuild.
# Inputs: SOURCE_DIR, OUTPUT, VERSION.
set(commit "")
find_package(Git QUIET)
if(GIT_FOUND)
    # --exclude='*' ignores tags: the version comes from project(VERSION) alone, git adds the commit.
    execute_process(COMMAND ${GIT_EXECUTABLE} -C ${SOURCE_DIR} describe --always --dirty --exclude=*
                    OUTPUT_VARIABLE commit OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE failed)
    if(failed)
        set(commit "")
    endif()
endif()
if(commit)
    set(DEADBOLT_VERSION_LONG "${VERSION} (commit ${commit})")
else()
    # A source tarball has no git: the version alone, rather than a made-up commit.
    set(DEADBOLT_VERSION_LONG "${VERSION}")
endif()
set(DEADBOLT_VERSION "${VERSION}")
set(DEADBOLT_COMMIT "${commit}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/deadboltversion.h.in ${OUTPUT} @ONLY)
