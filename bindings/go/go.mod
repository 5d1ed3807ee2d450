module commerce.local/commerce

go 1.23
