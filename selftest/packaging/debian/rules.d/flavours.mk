# SPDX-License-Identifier: GPL-2.0
# Which of the branch's flavours this build makes: FLAVOURS="a b" picks a
# subset; DEB_BUILD_PROFILES=autopkgtest builds the first one without d-i.
ifneq ($(strip $(FLAVOURS)),)
unknown_flavours := $(filter-out $(flavours),$(FLAVOURS))
ifneq ($(unknown_flavours),)
$(error FLAVOURS: $(unknown_flavours) not in $(DEBIAN)/rules.d/$(arch).mk (flavours = $(flavours)))
endif
flavours := $(filter $(FLAVOURS),$(flavours))
endif
ifneq ($(filter autopkgtest,$(DEB_BUILD_PROFILES)),)
flavours := $(firstword $(flavours))
disable_d_i := true
endif
