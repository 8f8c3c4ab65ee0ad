import sys

from summitreader.cli import main

sys.exit(main())
