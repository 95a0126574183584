//! Lists platform images, first with the fluent builder and then with a request value that
//! breaks a constraint, which is rejected before anything is sent.
//!
//! ```text
//! COMPSHARE_PUBLIC_KEY=... COMPSHARE_PRIVATE_KEY=... cargo run -q -p compshare --example list_images
//! ```

use compshare::{Client, DescribeCompShareImagesRequest, ImageType};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), compshare::Error> {
    let client = Client::from_env()?;

    let images = client
        .describe_comp_share_images()
        .image_type(ImageType::System)
        .limit(20)
        .send()
        .await?;
    for image in &images.image_set {
        println!("{:?} {:?}", image.comp_share_image_id, image.name);
    }

    let request = DescribeCompShareImagesRequest::default().limit(101);
    match client.send(request).await {
        Err(compshare::Error::Validation(e)) => eprintln!("{e}"),
        other => println!("{other:?}"),
    }
    Ok(())
}
