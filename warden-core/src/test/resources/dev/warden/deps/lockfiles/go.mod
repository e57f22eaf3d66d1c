module example.com/orders

go 1.22

require (
	github.com/aws/aws-lambda-go v1.47.0
	golang.org/x/net v0.17.0 // indirect
	github.com/old/lib v1.2.0
	example.com/internal v0.0.0-20240101120000-abcdef123456
	not a requirement line
)

require github.com/single/line v2.3.4+incompatible

replace github.com/old/lib => github.com/new/lib v1.3.1

replace example.com/internal => ../internal

exclude golang.org/x/net v0.16.0
