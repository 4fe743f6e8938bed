from inclusionplan.cli import main

main()
