import sys

from kolabik_desktop.cli import main

sys.exit(main())
