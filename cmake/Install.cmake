# install(EXPORT) with a CMake package config + version file, and a pkg-config file.
include(CMakePackageConfigHelpers)

install(TARGETS commerce_shared commerce_static EXPORT CommerceTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/commerce DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h")
install(FILES "${PROJECT_BINARY_DIR}/include/commerce/version.h" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/commerce)

set(config_dir ${CMAKE_INSTALL_LIBDIR}/cmake/Commerce)
install(EXPORT CommerceTargets NAMESPACE commerce:: DESTINATION ${config_dir})
configure_package_config_file(cmake/CommerceConfig.cmake.in "${PROJECT_BINARY_DIR}/CommerceConfig.cmake"
  INSTALL_DESTINATION ${config_dir})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/CommerceConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)   # 0.x: a new minor may break the ABI
install(FILES "${PROJECT_BINARY_DIR}/CommerceConfig.cmake" "${PROJECT_BINARY_DIR}/CommerceConfigVersion.cmake"
  DESTINATION ${config_dir})

configure_file(cmake/commerce.pc.in "${PROJECT_BINARY_DIR}/commerce.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/commerce.pc" DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
if(TARGET commerce_cli)
  install(TARGETS commerce_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
